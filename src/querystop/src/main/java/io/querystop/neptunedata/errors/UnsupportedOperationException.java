package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a request attempts to initiate an operation that is not supported.
 *
 * <p>NeptuneData error code {@code UnsupportedOperationException}, usually HTTP 400.
 *
 * <p>Named after the service's error code; not to be confused with {@code java.lang.UnsupportedOperationException}.
 */
public class UnsupportedOperationException extends NeptuneDataException {

    public UnsupportedOperationException(AwsErrorDetails details) {
        super(details);
    }
}
