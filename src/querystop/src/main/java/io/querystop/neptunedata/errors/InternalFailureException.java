package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when the processing of the request failed unexpectedly.
 *
 * <p>NeptuneData error code {@code InternalFailureException}, usually HTTP 500.
 */
public class InternalFailureException extends NeptuneDataException {

    public InternalFailureException(AwsErrorDetails details) {
        super(details);
    }
}
