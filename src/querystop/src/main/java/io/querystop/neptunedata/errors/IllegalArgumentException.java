package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when an argument in a request is not supported.
 *
 * <p>NeptuneData error code {@code IllegalArgumentException}, usually HTTP 400.
 *
 * <p>Named after the service's error code; not to be confused with {@code java.lang.IllegalArgumentException}.
 */
public class IllegalArgumentException extends NeptuneDataException {

    public IllegalArgumentException(AwsErrorDetails details) {
        super(details);
    }
}
