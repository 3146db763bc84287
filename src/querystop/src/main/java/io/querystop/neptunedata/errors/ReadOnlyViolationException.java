package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a request attempts to write to a read-only resource.
 *
 * <p>NeptuneData error code {@code ReadOnlyViolationException}, usually HTTP 400.
 */
public class ReadOnlyViolationException extends NeptuneDataException {

    public ReadOnlyViolationException(AwsErrorDetails details) {
        super(details);
    }
}
