package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when an argument in a request has an invalid value.
 *
 * <p>NeptuneData error code {@code InvalidArgumentException}, usually HTTP 400.
 */
public class InvalidArgumentException extends NeptuneDataException {

    public InvalidArgumentException(AwsErrorDetails details) {
        super(details);
    }
}
