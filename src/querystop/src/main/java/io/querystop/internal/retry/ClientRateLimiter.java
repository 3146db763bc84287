package io.querystop.internal.retry;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The AWS SDKs' adaptive-mode send-rate limiter: a token bucket whose fill rate follows a CUBIC curve, cut by
 * {@code BETA} when the service throttles and grown back along the curve on success. Shared by all calls of a client.
 * The bucket is off until the first throttling answer, so an unthrottled client pays nothing but the bookkeeping.
 *
 * <p>One departure from the SDKs: their measured send rate only changes at half-second bucket boundaries, so a burst
 * throttled within its first half second measures as 0 requests per second and the limit collapses to its 0.5/s
 * floor. Here, until a first bucket has closed, the rate is estimated from the requests seen since the first one.
 */
public final class ClientRateLimiter {

    private static final double MIN_FILL_RATE = 0.5;
    private static final double MIN_CAPACITY = 1.0;
    private static final double SMOOTH = 0.8;
    private static final double BETA = 0.7;
    private static final double SCALE_CONSTANT = 0.4;

    private final LongSupplier nanoTime;
    private double fillRate;
    private double maxCapacity;
    private double currentCapacity;
    private double lastTimestamp;
    private boolean enabled;
    private double measuredTxRate;
    private double lastTxRateBucket;
    private long requestCount;
    private double firstRequestTime = -1;
    private double lastMaxRate;
    private double lastThrottleTime;
    private double timeWindow;

    public ClientRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        double now = seconds();
        this.lastTxRateBucket = Math.floor(now);
        this.lastThrottleTime = now;
    }

    /** How long the caller must wait before sending; {@link Duration#ZERO} when it may send now. */
    public synchronized Duration acquire() {
        if (!enabled) {
            return Duration.ZERO;
        }
        refill();
        if (currentCapacity >= 1.0) {
            currentCapacity -= 1.0;
            return Duration.ZERO;
        }
        double wait = (1.0 - currentCapacity) / fillRate;
        currentCapacity -= 1.0; // the token is spoken for; the wait pays it back
        return Duration.ofNanos((long) (wait * 1e9));
    }

    /** Reports an attempt's answer: throttled or not. */
    public synchronized void update(boolean throttled) {
        double now = seconds();
        updateMeasuredRate(now);
        double measured = measuredTxRate > 0 ? measuredTxRate : requestCount / Math.max(0.5, now - firstRequestTime);
        double calculatedRate;
        if (throttled) {
            double rateToUse = enabled ? Math.min(measured, fillRate) : measured;
            lastMaxRate = rateToUse;
            calculateTimeWindow();
            lastThrottleTime = now;
            calculatedRate = rateToUse * BETA;
            enabled = true;
        } else {
            calculateTimeWindow();
            calculatedRate = SCALE_CONSTANT * Math.pow(now - lastThrottleTime - timeWindow, 3) + lastMaxRate;
        }
        updateBucketRate(Math.min(calculatedRate, 2 * measured), now);
    }

    /** The current send rate limit in requests per second, or infinity while the limiter is off. */
    public synchronized double rateLimit() {
        return enabled ? fillRate : Double.POSITIVE_INFINITY;
    }

    private void refill() {
        double now = seconds();
        double fill = (now - lastTimestamp) * fillRate;
        currentCapacity = Math.min(maxCapacity, currentCapacity + fill);
        lastTimestamp = now;
    }

    private void updateBucketRate(double newRate, double now) {
        refill();
        fillRate = Math.max(newRate, MIN_FILL_RATE);
        maxCapacity = Math.max(newRate, MIN_CAPACITY);
        currentCapacity = Math.min(currentCapacity, maxCapacity);
        lastTimestamp = now;
    }

    private void calculateTimeWindow() {
        timeWindow = Math.cbrt(lastMaxRate * (1 - BETA) / SCALE_CONSTANT);
    }

    private void updateMeasuredRate(double now) {
        if (firstRequestTime < 0) {
            firstRequestTime = now;
            lastTxRateBucket = Math.floor(now * 2) / 2;
        }
        double bucket = Math.floor(now * 2) / 2;
        requestCount++;
        if (bucket > lastTxRateBucket) {
            double currentRate = requestCount / (bucket - lastTxRateBucket);
            measuredTxRate = currentRate * SMOOTH + measuredTxRate * (1 - SMOOTH);
            requestCount = 0;
            lastTxRateBucket = bucket;
        }
    }

    private double seconds() {
        return nanoTime.getAsLong() / 1e9;
    }
}
