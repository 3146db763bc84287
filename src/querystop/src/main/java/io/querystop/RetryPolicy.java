package io.querystop;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * When and how a client tries a failed call again. Immutable and shareable; {@link #toBuilder()} derives a variant.
 *
 * <ul>
 *   <li>{@link #standard()} (the default): the AWS SDKs' standard mode. 3 attempts in all; full-jitter exponential
 *       backoff {@code random(0,1) * min(base * 2^(attempt-1), 20 s)} with base 100 ms, or 1 s after throttling; a
 *       retry quota of 500 tokens per client, 5 taken per retry and given back on success, so a failing service is
 *       not hammered.</li>
 *   <li>{@link #adaptive()}: standard, plus a client-side send-rate limiter shared by all calls of the client that
 *       backs off when the service throttles and recovers on success (the AWS SDKs' adaptive mode).</li>
 *   <li>{@link #none()}: one attempt.</li>
 * </ul>
 *
 * <p>Retried by default: connection failures (refused, reset, closed before or during the answer, connect and
 * response timeouts), HTTP 500, 502, 503, 504, 509 and 429, throttling codes whatever the status (Neptune's 500
 * {@code ThrottlingException} included), and errors the service model marks retryable. Never other 4xx, unreadable 2xx
 * bodies, TLS failures, pool exhaustion or bad input. Each attempt is signed afresh; backoff waits on a timer, never
 * a sleeping thread; cancelling the call stops everything, backoff included.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.standard().toBuilder().maxAttempts(5).build();
 * }</pre>
 *
 * <p>{@link CallOptions#withRetryPolicy} overrides the client's policy for one call. The retry quota and the adaptive
 * limiter stay the client's.
 */
public final class RetryPolicy {

    private static final RetryPolicy STANDARD = new Builder().build();
    private static final RetryPolicy ADAPTIVE = new Builder().adaptive(true).build();
    private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration throttlingBaseDelay;
    private final Duration maxBackoff;
    private final int retryQuota;
    private final int retryCost;
    private final boolean adaptive;
    private final Predicate<Throwable> retryOn;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.baseDelay = builder.baseDelay;
        this.throttlingBaseDelay = builder.throttlingBaseDelay;
        this.maxBackoff = builder.maxBackoff;
        this.retryQuota = builder.retryQuota;
        this.retryCost = builder.retryCost;
        this.adaptive = builder.adaptive;
        this.retryOn = builder.retryOn;
    }

    public static RetryPolicy standard() {
        return STANDARD;
    }

    public static RetryPolicy adaptive() {
        return ADAPTIVE;
    }

    public static RetryPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Attempts in all, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration baseDelay() {
        return baseDelay;
    }

    public Duration throttlingBaseDelay() {
        return throttlingBaseDelay;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Tokens in the client's retry quota; 0 means no quota. */
    public int retryQuota() {
        return retryQuota;
    }

    public int retryCost() {
        return retryCost;
    }

    public boolean isAdaptive() {
        return adaptive;
    }

    /** Whether this error is worth another attempt under this policy. */
    public boolean isRetryable(Throwable error) {
        return retryOn != null ? retryOn.test(error) : error instanceof QuerystopException q && q.isRetryable();
    }

    /** Whether the error means the service is throttling, which selects the longer backoff. */
    public static boolean isThrottling(Throwable error) {
        return error instanceof AwsServiceException service && service.isThrottling();
    }

    /**
     * The upper bound of the wait before attempt {@code attempt + 1}: {@code min(base * 2^(attempt-1), max)}; the
     * actual wait is uniformly random below it (full jitter).
     *
     * @param attempt the attempt that just failed, from 1
     */
    public Duration backoffCeiling(int attempt, boolean throttling) {
        Duration base = throttling ? throttlingBaseDelay : baseDelay;
        int doublings = Math.min(attempt - 1, 30);
        long nanos = base.toNanos() << doublings;
        if (nanos < 0 || nanos > maxBackoff.toNanos() || (doublings > 0 && nanos >> doublings != base.toNanos())) {
            return maxBackoff;
        }
        return Duration.ofNanos(nanos);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", base=" + baseDelay + ", throttlingBase="
            + throttlingBaseDelay + ", maxBackoff=" + maxBackoff + ", quota=" + retryQuota + "/" + retryCost
            + (adaptive ? ", adaptive" : "") + (retryOn != null ? ", custom errors" : "") + "]";
    }

    /** Builds a {@link RetryPolicy}; starts from standard mode. */
    public static final class Builder {

        private int maxAttempts = 3;
        private Duration baseDelay = Duration.ofMillis(100);
        private Duration throttlingBaseDelay = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private int retryQuota = 500;
        private int retryCost = 5;
        private boolean adaptive;
        private Predicate<Throwable> retryOn;

        private Builder() {
        }

        private Builder(RetryPolicy policy) {
            this.maxAttempts = policy.maxAttempts;
            this.baseDelay = policy.baseDelay;
            this.throttlingBaseDelay = policy.throttlingBaseDelay;
            this.maxBackoff = policy.maxBackoff;
            this.retryQuota = policy.retryQuota;
            this.retryCost = policy.retryCost;
            this.adaptive = policy.adaptive;
            this.retryOn = policy.retryOn;
        }

        /** Attempts in all, the first included; 1 means no retry. */
        public Builder maxAttempts(int maxAttempts) {
            Settings.positive("maxAttempts", maxAttempts);
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Full-jitter backoff: the base after an ordinary failure, the base after throttling, and the cap. */
        public Builder backoff(Duration base, Duration throttlingBase, Duration max) {
            Settings.positive("base", base);
            Settings.positive("throttlingBase", throttlingBase);
            Settings.positive("max", max);
            this.baseDelay = base;
            this.throttlingBaseDelay = throttlingBase;
            this.maxBackoff = max;
            return this;
        }

        /** A retry quota of {@code tokens} per client, {@code costPerRetry} taken per retry; 0 tokens: no quota. */
        public Builder retryQuota(int tokens, int costPerRetry) {
            if (tokens < 0 || costPerRetry < 0) {
                throw new InvalidInputException("retryQuota", "must not be negative");
            }
            this.retryQuota = tokens;
            this.retryCost = costPerRetry;
            return this;
        }

        /** Adds the client-side send-rate limiter of adaptive mode. */
        public Builder adaptive(boolean adaptive) {
            this.adaptive = adaptive;
            return this;
        }

        /** Which errors to retry, replacing the default classification; {@code null} restores it. */
        public Builder retryOn(Predicate<Throwable> retryOn) {
            this.retryOn = retryOn;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
