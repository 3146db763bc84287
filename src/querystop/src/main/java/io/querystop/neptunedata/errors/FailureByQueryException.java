package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a request fails.
 *
 * <p>NeptuneData error code {@code FailureByQueryException}, usually HTTP 500. The service model marks it retryable.
 */
public class FailureByQueryException extends NeptuneDataException {

    public FailureByQueryException(AwsErrorDetails details) {
        super(details);
    }
}
