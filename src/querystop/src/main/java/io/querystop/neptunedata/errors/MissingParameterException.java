package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a required parameter is missing.
 *
 * <p>NeptuneData error code {@code MissingParameterException}, usually HTTP 400.
 */
public class MissingParameterException extends NeptuneDataException {

    public MissingParameterException(AwsErrorDetails details) {
        super(details);
    }
}
