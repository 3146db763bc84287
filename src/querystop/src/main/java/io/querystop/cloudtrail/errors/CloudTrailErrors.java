package io.querystop.cloudtrail.errors;

import io.querystop.AwsServiceException;

/**
 * How to read CloudTrail Lake's answers: the questions an application asks of an error, answered the way the service
 * means them. Bulk cancellation uses the same predicates.
 */
public final class CloudTrailErrors {

    private CloudTrailErrors() {
    }

    /**
     * Whether a {@code CancelQuery} failed because the query is not running: it already finished, failed, timed out or
     * was cancelled ({@code InactiveQueryException}), or it is unknown ({@code QueryIdNotFoundException}).
     */
    public static boolean isNotRunning(Throwable error) {
        return error instanceof InactiveQueryException || error instanceof QueryIdNotFoundException;
    }

    /** Whether CloudTrail asked the caller to slow down. */
    public static boolean isThrottling(Throwable error) {
        return error instanceof AwsServiceException service && service.isThrottling();
    }
}
