package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * The specified query cannot be canceled because it is in the FINISHED , FAILED , TIMED_OUT , or CANCELLED
 * state.
 *
 * <p>CloudTrail error code {@code InactiveQueryException}, usually HTTP 400.
 */
public class InactiveQueryException extends CloudTrailException {

    public InactiveQueryException(AwsErrorDetails details) {
        super(details);
    }
}
