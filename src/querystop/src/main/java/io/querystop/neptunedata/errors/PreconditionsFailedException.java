package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a precondition for processing a request is not satisfied.
 *
 * <p>NeptuneData error code {@code PreconditionsFailedException}, usually HTTP 400.
 */
public class PreconditionsFailedException extends NeptuneDataException {

    public PreconditionsFailedException(AwsErrorDetails details) {
        super(details);
    }
}
