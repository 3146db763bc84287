package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;

/**
 * Raised when a request timed out in the client.
 *
 * <p>NeptuneData error code {@code ClientTimeoutException}, usually HTTP 408. The service model marks it retryable.
 */
public class ClientTimeoutException extends NeptuneDataException {

    public ClientTimeoutException(AwsErrorDetails details) {
        super(details);
    }
}
