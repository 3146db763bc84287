package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when the number of requests being processed exceeds the limit.
 *
 * <p>NeptuneData error code {@code TooManyRequestsException}, usually HTTP 429. The service model marks it retryable.
 */
public class TooManyRequestsException extends NeptuneDataException {

    public TooManyRequestsException(AwsErrorDetails details) {
        super(details);
    }
}
