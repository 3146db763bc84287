package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a value in a request field did not satisfy required constraints.
 *
 * <p>NeptuneData error code {@code ConstraintViolationException}, usually HTTP 400. The service model marks it retryable.
 */
public class ConstraintViolationException extends NeptuneDataException {

    public ConstraintViolationException(AwsErrorDetails details) {
        super(details);
    }
}
