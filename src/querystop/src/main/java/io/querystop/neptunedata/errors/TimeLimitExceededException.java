package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when the an operation exceeds the time limit allowed for it.
 *
 * <p>NeptuneData error code {@code TimeLimitExceededException}, usually HTTP 500. The service model marks it retryable.
 */
public class TimeLimitExceededException extends NeptuneDataException {

    public TimeLimitExceededException(AwsErrorDetails details) {
        super(details);
    }
}
