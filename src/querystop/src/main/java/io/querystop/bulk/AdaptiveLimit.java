package io.querystop.bulk;

/**
 * The in-flight limit of one bulk run. Fixed at the maximum when not adaptive. Adaptive: starts at
 * {@value #INITIAL} and grows by one per success (doubling per round trip) until the first throttling answer; then
 * additive increase (one per {@code limit} successes) and multiplicative decrease (halving, at most once per round
 * trip), with no increase while latency is above twice its baseline (the service is queueing).
 */
final class AdaptiveLimit {

    static final int INITIAL = 4;
    private static final double DECREASE = 0.5;

    private final int max;
    private final boolean adaptive;
    private volatile double limit;
    private boolean slowStart = true;
    private long lastDecrease;
    private double baselineNanos;
    private double smoothedNanos;

    AdaptiveLimit(int max, boolean adaptive) {
        this.max = max;
        this.adaptive = adaptive;
        this.limit = adaptive ? Math.min(max, INITIAL) : max;
    }

    int current() {
        return (int) limit;
    }

    synchronized void onAttempt(boolean throttled, long nanos) {
        if (!adaptive) {
            return;
        }
        long now = System.nanoTime();
        smoothedNanos = smoothedNanos == 0 ? nanos : 0.9 * smoothedNanos + 0.1 * nanos;
        if (throttled) {
            slowStart = false;
            if (now - lastDecrease > Math.max(smoothedNanos, 20_000_000)) {
                limit = Math.max(1, Math.floor(limit * DECREASE));
                lastDecrease = now;
            }
            return;
        }
        // the baseline is the lowest latency seen, drifting up slowly so it follows a service that got slower
        baselineNanos = baselineNanos == 0 ? nanos : Math.min(nanos, baselineNanos * 1.001);
        if (nanos > 2 * baselineNanos && !slowStart) {
            return;
        }
        limit = Math.min(max, slowStart ? limit + 1 : limit + 1 / limit);
    }
}
