package io.querystop.internal.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The signing clock of one client: its base clock plus the offset learned from the service's {@code Date} header
 * after a clock-skew error, kept for every later call of that client.
 */
public final class SkewAdjustedClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public SkewAdjustedClock(Clock base) {
        this.base = base;
    }

    /** Sets the offset so that this clock reads {@code serverTime} now. */
    public void correctTo(Instant serverTime) {
        offset = Duration.between(base.instant(), serverTime);
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
