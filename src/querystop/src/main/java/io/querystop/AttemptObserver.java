package io.querystop;

/**
 * Told of every attempt of one call, retries included: whether the service throttled it and how long it took. It sees
 * throttling even when a retry then succeeds, which the call's result alone does not show. Bulk cancellation's
 * adaptive concurrency listens this way.
 *
 * <p>Called on the thread that completed the attempt, often a Netty event loop: keep it short and never block.
 */
@FunctionalInterface
public interface AttemptObserver {

    /**
     * @param throttled    whether the service answered with a throttling error
     * @param latencyNanos from the attempt's start (credentials in hand) to its answer or failure
     */
    void onAttempt(boolean throttled, long latencyNanos);
}
