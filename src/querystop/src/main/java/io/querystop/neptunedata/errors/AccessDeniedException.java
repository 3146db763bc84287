package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised in case of an authentication or authorization failure.
 *
 * <p>NeptuneData error code {@code AccessDeniedException}, usually HTTP 403.
 */
public class AccessDeniedException extends NeptuneDataException {

    public AccessDeniedException(AwsErrorDetails details) {
        super(details);
    }
}
