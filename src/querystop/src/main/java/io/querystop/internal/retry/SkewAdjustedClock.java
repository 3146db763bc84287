package io.querystop.internal.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing clock of one client: its base clock plus the offset learned from the service's {@code Date} header
 * after a clock-skew error, kept for every later call of that client.
 */
public final class SkewAdjustedClock extends Clock {

    /** Clock-skew answers are acted on only when the service's clock is this far from ours (as the AWS SDKs do). */
    static final Duration SKEW_THRESHOLD = Duration.ofMinutes(4);

    private static final Logger LOG = LoggerFactory.getLogger(SkewAdjustedClock.class);

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public SkewAdjustedClock(Clock base) {
        this.base = base;
    }

    /** Sets the offset so that this clock reads {@code serverTime} now. */
    public void correctTo(Instant serverTime) {
        offset = Duration.between(base.instant(), serverTime);
    }

    /**
     * Moves this clock to the service's {@code Date} header (RFC 1123) when the two are more than a few minutes apart.
     *
     * @param date the header's value, or {@code null}
     * @return whether the clock was corrected
     */
    public boolean correctFrom(String date) {
        if (date == null) {
            return false;
        }
        Instant serverTime;
        try {
            serverTime = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return false;
        }
        if (Duration.between(instant(), serverTime).abs().compareTo(SKEW_THRESHOLD) <= 0) {
            return false;
        }
        correctTo(serverTime);
        LOG.debug("signing clock corrected by {} from the service's Date header", offset);
        return true;
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
