package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a request is submitted that cannot be processed.
 *
 * <p>NeptuneData error code {@code BadRequestException}, usually HTTP 400.
 */
public class BadRequestException extends NeptuneDataException {

    public BadRequestException(AwsErrorDetails details) {
        super(details);
    }
}
