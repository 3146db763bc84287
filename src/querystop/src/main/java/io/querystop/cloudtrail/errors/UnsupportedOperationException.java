package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * This exception is thrown when the requested operation is not supported.
 *
 * <p>CloudTrail error code {@code UnsupportedOperationException}, usually HTTP 400.
 *
 * <p>Named after the service's error code; not to be confused with {@code java.lang.UnsupportedOperationException}.
 */
public class UnsupportedOperationException extends CloudTrailException {

    public UnsupportedOperationException(AwsErrorDetails details) {
        super(details);
    }
}
