package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when the rate of requests exceeds the maximum throughput. Requests can be retried after encountering
 * this exception.
 *
 * <p>NeptuneData error code {@code ThrottlingException}, usually HTTP 500. The service model marks it retryable. Counts as throttling whatever its status.
 */
public class ThrottlingException extends NeptuneDataException {

    public ThrottlingException(AwsErrorDetails details) {
        super(details);
    }
}
