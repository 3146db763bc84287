package io.querystop.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The service's clock as its answers tell it: the offset of the last {@code Date} header from the local clock.
 * Ages computed from the service's own timestamps (a CloudTrail query's {@code CreationTime}, a load's
 * {@code startTime}) are measured on this clock, so that a skewed local clock does not make work look older or younger
 * than it is. Unlike the signing clock, it follows every answer, not only clock-skew errors.
 */
public final class ServerTime extends Clock {

    private final Clock local;
    private volatile String lastDate;
    private volatile Duration offset = Duration.ZERO;

    public ServerTime(Clock local) {
        this.local = local;
    }

    /** Takes an answer's {@code Date} header (RFC 1123, or {@code null}); parsed only when it changed. */
    public void observe(String date) {
        if (date == null || date.equals(lastDate)) {
            return;
        }
        try {
            Instant server = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            // the header has whole seconds: the answer was made within the second after it
            offset = Duration.between(local.instant(), server.plusMillis(500));
            lastDate = date;
        } catch (DateTimeParseException e) {
            // a header that is not a date says nothing about the service's clock
        }
    }

    @Override
    public Instant instant() {
        return local.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
