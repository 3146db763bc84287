package io.querystop.bulk;

import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Spaces the starts of calls to at most a given number per second. It reads the time from the scheduler that also
 * runs its timer, so virtual time drives both in tests. Used only by the drain loop, which it wakes when a start is
 * due.
 */
final class Pacer {

    private final Scheduler timer;
    private final double nanosPerStart;
    private double nextStartNanos = Double.NEGATIVE_INFINITY;
    private Disposable wakeUp;
    private boolean armed;

    private Pacer(Scheduler timer, double startsPerSecond) {
        this.timer = timer;
        this.nanosPerStart = startsPerSecond > 0 ? 1e9 / startsPerSecond : 0;
    }

    /** @param startsPerSecond 0 for no limit */
    static Pacer of(double startsPerSecond, Scheduler timer) {
        return new Pacer(timer, startsPerSecond);
    }

    /** @return 0 when a call may start now, which counts it, or else how many nanoseconds until one may */
    long reserve() {
        if (nanosPerStart == 0) {
            return 0;
        }
        double now = timer.now(TimeUnit.NANOSECONDS);
        if (now < nextStartNanos) {
            return (long) Math.ceil(nextStartNanos - now);
        }
        nextStartNanos = now + nanosPerStart;
        return 0;
    }

    /** Runs {@code wake} after {@code nanos}, unless a wake-up is already set. */
    void wakeIn(long nanos, Runnable wake) {
        if (!armed) {
            armed = true;
            wakeUp = timer.schedule(wake, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The wake-up came: the next {@link #wakeIn} sets a new one. */
    void woke() {
        armed = false;
    }

    /** Cancels a pending wake-up; the run has ended. */
    void stop() {
        Disposable pending = wakeUp;
        if (pending != null) {
            pending.dispose();
        }
    }
}
