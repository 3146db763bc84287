package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when the HTTP method used by a request is not supported by the endpoint being used.
 *
 * <p>NeptuneData error code {@code MethodNotAllowedException}, usually HTTP 405.
 */
public class MethodNotAllowedException extends NeptuneDataException {

    public MethodNotAllowedException(AwsErrorDetails details) {
        super(details);
    }
}
