package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when invalid numerical data is encountered when servicing a request.
 *
 * <p>NeptuneData error code {@code InvalidNumericDataException}, usually HTTP 400.
 */
public class InvalidNumericDataException extends NeptuneDataException {

    public InvalidNumericDataException(AwsErrorDetails details) {
        super(details);
    }
}
