package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * The query status is not valid for the operation.
 *
 * <p>CloudTrail error code {@code InvalidQueryStatusException}, usually HTTP 400.
 */
public class InvalidQueryStatusException extends CloudTrailException {

    public InvalidQueryStatusException(AwsErrorDetails details) {
        super(details);
    }
}
