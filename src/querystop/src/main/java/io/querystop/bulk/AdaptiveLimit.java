package io.querystop.bulk;

import java.util.function.LongSupplier;

/**
 * The in-flight limit of one bulk run. Fixed at the maximum when not adaptive. Adaptive: starts at
 * {@value #INITIAL} and grows by one per success (doubling per round trip) until the first throttling answer; then
 * additive increase (one per {@code limit} successes) and multiplicative decrease (halving, at most once per round
 * trip), with no increase while latency is above twice its baseline (the service is queueing). Always between 1 and
 * the maximum.
 *
 * <p>A burst of throttling halves the limit once per round trip for as long as it lasts, down to 1, although the
 * service may take as much as before once it ends. So, as TCP's slow-start threshold does, the limit remembers half
 * its value when the episode began (its first halving after a quiet round trip) and, once throttling stops, grows
 * back to that by one per success (doubling per round trip) before additive increase takes over.
 *
 * <p>Not thread-safe: the run's drain loop owns it. The clock (nanoseconds) is given, so that tests can drive it.
 */
final class AdaptiveLimit {

    static final int INITIAL = 4;
    private static final double DECREASE = 0.5;
    /** The shortest "round trip" between two decreases, whatever the latency says. */
    static final long MIN_DECREASE_INTERVAL_NANOS = 20_000_000;

    private final int max;
    private final boolean adaptive;
    private final LongSupplier nanoClock;
    private double limit;
    private boolean slowStart = true;
    private boolean decreased;
    private long lastDecreaseNanos;
    private long lastThrottledNanos;
    private double recoverTo;
    private double baselineNanos;
    private double smoothedNanos;

    AdaptiveLimit(int max, boolean adaptive, LongSupplier nanoClock) {
        this.max = max;
        this.adaptive = adaptive;
        this.nanoClock = nanoClock;
        this.limit = adaptive ? Math.min(max, INITIAL) : max;
    }

    int current() {
        return (int) limit;
    }

    void onAttempt(boolean throttled, long latencyNanos) {
        if (!adaptive) {
            return;
        }
        smoothedNanos = smoothedNanos == 0 ? latencyNanos : 0.9 * smoothedNanos + 0.1 * latencyNanos;
        if (throttled) {
            slowStart = false;
            long now = nanoClock.getAsLong();
            long roundTrip = (long) Math.max(smoothedNanos, MIN_DECREASE_INTERVAL_NANOS);
            // compared as a difference: nanoTime values may be anywhere, even negative
            if (!decreased || now - lastDecreaseNanos > roundTrip) {
                boolean episodeStarts = !decreased || now - lastThrottledNanos > 2 * roundTrip;
                limit = Math.max(1, Math.floor(limit * DECREASE));
                if (episodeStarts) {
                    recoverTo = limit;
                }
                decreased = true;
                lastDecreaseNanos = now;
            }
            lastThrottledNanos = now;
            return;
        }
        // the baseline is the lowest latency seen, drifting up slowly so it follows a service that got slower
        baselineNanos = baselineNanos == 0 ? latencyNanos : Math.min(latencyNanos, baselineNanos * 1.001);
        if (latencyNanos > 2 * baselineNanos && !slowStart) {
            return;
        }
        limit = Math.min(max, slowStart || limit < recoverTo ? limit + 1 : limit + 1 / limit);
    }
}
