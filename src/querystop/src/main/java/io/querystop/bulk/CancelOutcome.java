package io.querystop.bulk;

import java.time.Duration;

/**
 * What happened to one input of a bulk cancellation. Every input gets exactly one.
 *
 * @param index    the input's position in the input stream, from 0
 * @param id       the query or load id
 * @param status   cancelled, not running, failed, or a duplicate that was not sent again
 * @param response the service's response when cancelled, else {@code null}
 * @param error    the service's answer when not running, the final error when failed, else {@code null}
 * @param attempts attempts made in all, across the rounds of an id that went back in line after throttling (0 for a
 *                 duplicate)
 * @param latency  from the first attempt's start to the outcome
 * @param <R>      the operation's response type
 */
public record CancelOutcome<R>(long index, String id, Status status, R response, Throwable error, int attempts,
                               Duration latency) {

    public enum Status {
        /** The service cancelled it. */
        CANCELLED,
        /**
         * The service says it is not running: finished or unknown (Neptune: 400 {@code InvalidParameterException};
         * loader: 404 {@code BulkLoadIdNotFoundException}; CloudTrail: {@code InactiveQueryException} or
         * {@code QueryIdNotFoundException}).
         */
        NOT_RUNNING,
        /** Any other error, after the retries the policy allows. */
        FAILED,
        /** The id came again with de-duplication on; nothing was sent for this input. */
        DUPLICATE
    }
}
