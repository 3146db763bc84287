package io.querystop.bulk;

import io.querystop.InvalidInputException;
import io.querystop.RetryPolicy;

/**
 * How a bulk cancellation runs. Immutable; each {@code with...} returns a copy.
 *
 * <p>Throttling: an id that meets a throttling answer is not retried inside its call, where the retry's backoff
 * would hold an in-flight slot; it goes back in line and waits out the retry policy's throttling backoff (full jitter
 * below 1 s, 2 s, 4 s... for the standard policy) without a slot, then starts again ahead of fresh ids. It fails after
 * {@code maxAttempts} throttling answers, or with adaptive concurrency after {@code 6 * maxAttempts} (18 for the
 * standard policy). At most {@code 8 * maxConcurrency} ids wait out a backoff at once: while that many wait, no new
 * id is taken (ids already sent still come back, so the count may exceed it by the calls in flight). Its outcome's
 * {@code attempts} counts every attempt of the id, across these rounds.
 *
 * @param maxConcurrency       calls in flight (on the wire) at most (default 64); ids waiting out a throttling
 *                             backoff do not count
 * @param adaptiveConcurrency  adjust the in-flight limit between 1 and the maximum: additive increase on success,
 *                             halving on throttling, no increase while latency is above twice its baseline; after
 *                             throttling stops, one more per success (doubling per round trip) up to half the
 *                             limit the throttling started at (default on). With it, an id is given six times the
 *                             policy's attempts for throttling answers
 * @param ordered              emit outcomes in input order (default off: in completion order)
 * @param maxRequestsPerSecond start at most this many calls per second; 0 for no limit (default)
 * @param deduplicate          send each distinct id once; later copies get {@code DUPLICATE} outcomes. Keeps every
 *                             id seen in memory (default off)
 * @param retryPolicy          per-item retries (default {@link RetryPolicy#standard()}); "not running" answers are
 *                             never retried whatever the policy says
 * @param progress             live counters to update, or {@code null}
 */
public record BulkOptions(int maxConcurrency, boolean adaptiveConcurrency, boolean ordered,
                          double maxRequestsPerSecond, boolean deduplicate, RetryPolicy retryPolicy,
                          ProgressTracker progress) {

    /** Ids waiting out a throttling backoff, per unit of {@link #maxConcurrency}, before no new id is taken. */
    static final int BACKOFF_PER_SLOT = 8;

    private static final BulkOptions DEFAULTS = new BulkOptions(64, true, false, 0, false, RetryPolicy.standard(),
        null);

    public BulkOptions {
        if (maxConcurrency <= 0) {
            throw new InvalidInputException("maxConcurrency", "must be positive, was " + maxConcurrency);
        }
        if (maxRequestsPerSecond < 0 || Double.isNaN(maxRequestsPerSecond)) {
            throw new InvalidInputException("maxRequestsPerSecond", "must be 0 (no limit) or positive");
        }
        if (retryPolicy == null) {
            throw new InvalidInputException("retryPolicy", "must not be null");
        }
    }

    public static BulkOptions defaults() {
        return DEFAULTS;
    }

    public BulkOptions withMaxConcurrency(int value) {
        return new BulkOptions(value, adaptiveConcurrency, ordered, maxRequestsPerSecond, deduplicate, retryPolicy,
            progress);
    }

    public BulkOptions withAdaptiveConcurrency(boolean value) {
        return new BulkOptions(maxConcurrency, value, ordered, maxRequestsPerSecond, deduplicate, retryPolicy,
            progress);
    }

    public BulkOptions withOrdered(boolean value) {
        return new BulkOptions(maxConcurrency, adaptiveConcurrency, value, maxRequestsPerSecond, deduplicate,
            retryPolicy, progress);
    }

    public BulkOptions withMaxRequestsPerSecond(double value) {
        return new BulkOptions(maxConcurrency, adaptiveConcurrency, ordered, value, deduplicate, retryPolicy,
            progress);
    }

    public BulkOptions withDeduplicate(boolean value) {
        return new BulkOptions(maxConcurrency, adaptiveConcurrency, ordered, maxRequestsPerSecond, value,
            retryPolicy, progress);
    }

    public BulkOptions withRetryPolicy(RetryPolicy value) {
        return new BulkOptions(maxConcurrency, adaptiveConcurrency, ordered, maxRequestsPerSecond, deduplicate,
            value, progress);
    }

    public BulkOptions withProgress(ProgressTracker value) {
        return new BulkOptions(maxConcurrency, adaptiveConcurrency, ordered, maxRequestsPerSecond, deduplicate,
            retryPolicy, value);
    }
}
