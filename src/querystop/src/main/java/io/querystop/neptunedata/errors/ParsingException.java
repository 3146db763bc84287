package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a parsing issue is encountered.
 *
 * <p>NeptuneData error code {@code ParsingException}, usually HTTP 400.
 */
public class ParsingException extends NeptuneDataException {

    public ParsingException(AwsErrorDetails details) {
        super(details);
    }
}
