package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * This exception is thrown when the specified resource is not ready for an operation. This can occur when you
 * try to run an operation on a resource before CloudTrail has time to fully load the resource, or because
 * another operation is modifying the resource. If this exception occurs, wait a few minutes, and then try the
 * operation again.
 *
 * <p>CloudTrail error code {@code ConflictException}, usually HTTP 400.
 */
public class ConflictException extends CloudTrailException {

    public ConflictException(AwsErrorDetails details) {
        super(details);
    }
}
