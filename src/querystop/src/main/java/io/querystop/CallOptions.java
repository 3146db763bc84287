package io.querystop;

import java.time.Duration;

/**
 * Settings for one call that differ from the client's: every member left {@code null} means "as the client is
 * configured". Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * CallOptions patient = CallOptions.defaults()
 *     .withRetryPolicy(RetryPolicy.standard().toBuilder().maxAttempts(5).build())
 *     .withCallTimeout(Duration.ofMinutes(2));
 * neptune.cancelGremlinQuery(new CancelGremlinQueryRequest(id), patient);
 * }</pre>
 *
 * @param retryPolicy     the retry policy for this call; the client's retry quota and adaptive limiter still apply
 * @param callTimeout     the bound on the whole call, retries included
 * @param attemptObserver told of each attempt (throttled or not, and its latency)
 */
public record CallOptions(RetryPolicy retryPolicy, Duration callTimeout, AttemptObserver attemptObserver) {

    private static final CallOptions DEFAULTS = new CallOptions(null, null, null);

    public CallOptions {
        if (callTimeout != null) {
            Settings.positive("callTimeout", callTimeout);
        }
    }

    /** Everything as the client is configured. */
    public static CallOptions defaults() {
        return DEFAULTS;
    }

    public CallOptions withRetryPolicy(RetryPolicy value) {
        return new CallOptions(value, callTimeout, attemptObserver);
    }

    public CallOptions withCallTimeout(Duration value) {
        return new CallOptions(retryPolicy, value, attemptObserver);
    }

    public CallOptions withAttemptObserver(AttemptObserver value) {
        return new CallOptions(retryPolicy, callTimeout, value);
    }
}
