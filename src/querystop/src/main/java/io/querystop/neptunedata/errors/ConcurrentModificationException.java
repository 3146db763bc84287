package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a request attempts to modify data that is concurrently being modified by another process.
 *
 * <p>NeptuneData error code {@code ConcurrentModificationException}, usually HTTP 500. The service model marks it retryable.
 */
public class ConcurrentModificationException extends NeptuneDataException {

    public ConcurrentModificationException(AwsErrorDetails details) {
        super(details);
    }
}
