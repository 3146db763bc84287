package io.querystop.bulk;

import io.querystop.RetryPolicy;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * What a throttling answer does to an input: instead of a retry that would sleep in its slot, the input goes back in
 * line and waits out the retry policy's throttling backoff without a slot (full jitter below the ceilings of the
 * policy's retries, 1 s, 2 s, 4 s... for the standard policy, starting over every {@code maxAttempts} throttling
 * answers). It fails after {@code maxAttempts} throttling answers, or, with adaptive concurrency, after {@code
 * maxAttempts * (1 + }{@link #MAX_REQUEUES}{@code )}: by then the limit has slowed the run. Its attempts and latency
 * add up across the rounds.
 */
final class Requeueing {

    /** With adaptive concurrency, how many more rounds of {@code maxAttempts} throttling answers an input is given. */
    static final int MAX_REQUEUES = 5;

    private final RetryPolicy policy;
    private final int maxThrottled;
    private final DoubleSupplier jitter;

    private Requeueing(RetryPolicy policy, int maxThrottled, DoubleSupplier jitter) {
        this.policy = policy;
        this.maxThrottled = maxThrottled;
        this.jitter = jitter;
    }

    /** @param jitter uniform in [0, 1): the fraction of the backoff ceiling to wait */
    static Requeueing afterThrottling(RetryPolicy policy, boolean adaptive, DoubleSupplier jitter) {
        long rounds = adaptive ? 1 + MAX_REQUEUES : 1;
        return new Requeueing(policy, (int) Math.min(Integer.MAX_VALUE, rounds * policy.maxAttempts()), jitter);
    }

    static Requeueing afterThrottling(RetryPolicy policy, boolean adaptive) {
        return afterThrottling(policy, adaptive, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param outcome    what this round made of the input
     * @param startNanos when this round started
     * @return the input to put back in line, or {@code null} when {@code outcome} stands
     */
    <I> Input<I> again(Input<I> input, CancelOutcome<?> outcome, long startNanos) {
        if (outcome.status() != CancelOutcome.Status.FAILED || !RetryPolicy.isThrottling(outcome.error())
            || input.requeues() + 1 >= maxThrottled) {
            return null;
        }
        return input.requeued(outcome.attempts(), startNanos);
    }

    /** How long an input put back in line by {@link #again} waits before it may start again. */
    long delayNanos(Input<?> again) {
        int attempt = (again.requeues() - 1) % policy.maxAttempts() + 1;
        return (long) (jitter.getAsDouble() * policy.backoffCeiling(attempt, true).toNanos());
    }
}
