package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a request fails because of insufficient memory resources. The request can be retried.
 *
 * <p>NeptuneData error code {@code MemoryLimitExceededException}, usually HTTP 500. The service model marks it retryable.
 */
public class MemoryLimitExceededException extends NeptuneDataException {

    public MemoryLimitExceededException(AwsErrorDetails details) {
        super(details);
    }
}
