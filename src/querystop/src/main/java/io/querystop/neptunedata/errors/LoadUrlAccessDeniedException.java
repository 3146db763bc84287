package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when access is denied to a specified load URL.
 *
 * <p>NeptuneData error code {@code LoadUrlAccessDeniedException}, usually HTTP 400.
 */
public class LoadUrlAccessDeniedException extends NeptuneDataException {

    public LoadUrlAccessDeniedException(AwsErrorDetails details) {
        super(details);
    }
}
