package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a user cancelled a request.
 *
 * <p>NeptuneData error code {@code CancelledByUserException}, usually HTTP 500.
 */
public class CancelledByUserException extends NeptuneDataException {

    public CancelledByUserException(AwsErrorDetails details) {
        super(details);
    }
}
