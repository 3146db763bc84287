package io.querystop.bulk;

import io.querystop.RetryPolicy;

/**
 * With adaptive concurrency, an input whose retries all met throttling goes back in line instead of failing: by the
 * time it comes round again the limit has slowed the run. At most {@link #MAX_REQUEUES} times; its attempts and
 * latency add up across the rounds.
 */
final class Requeueing {

    /** How many times an input whose retries all met throttling goes back in line before it fails. */
    static final int MAX_REQUEUES = 5;

    private static final Requeueing NEVER = new Requeueing(false);
    private static final Requeueing AFTER_THROTTLING = new Requeueing(true);

    private final boolean enabled;

    private Requeueing(boolean enabled) {
        this.enabled = enabled;
    }

    static Requeueing never() {
        return NEVER;
    }

    static Requeueing afterThrottling() {
        return AFTER_THROTTLING;
    }

    /**
     * @param outcome    what this round made of the input
     * @param startNanos when this round started
     * @return the input to put back in line, or {@code null} when {@code outcome} stands
     */
    <I> Input<I> again(Input<I> input, CancelOutcome<?> outcome, long startNanos) {
        if (!enabled || outcome.status() != CancelOutcome.Status.FAILED || !RetryPolicy.isThrottling(outcome.error())
            || input.requeues() >= MAX_REQUEUES) {
            return null;
        }
        return input.requeued(outcome.attempts(), startNanos);
    }
}
