package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a specified bulk-load job ID cannot be found.
 *
 * <p>NeptuneData error code {@code BulkLoadIdNotFoundException}, usually HTTP 404. The service model marks it retryable.
 */
public class BulkLoadIdNotFoundException extends NeptuneDataException {

    public BulkLoadIdNotFoundException(AwsErrorDetails details) {
        super(details);
    }
}
