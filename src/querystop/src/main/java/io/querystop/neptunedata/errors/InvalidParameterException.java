package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a parameter value is not valid.
 *
 * <p>NeptuneData error code {@code InvalidParameterException}, usually HTTP 400.
 */
public class InvalidParameterException extends NeptuneDataException {

    public InvalidParameterException(AwsErrorDetails details) {
        super(details);
    }
}
