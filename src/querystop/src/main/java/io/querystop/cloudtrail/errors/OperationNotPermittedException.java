package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * This exception is thrown when the requested operation is not permitted.
 *
 * <p>CloudTrail error code {@code OperationNotPermittedException}, usually HTTP 400.
 */
public class OperationNotPermittedException extends CloudTrailException {

    public OperationNotPermittedException(AwsErrorDetails details) {
        super(details);
    }
}
