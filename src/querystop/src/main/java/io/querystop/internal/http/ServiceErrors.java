package io.querystop.internal.http;

import io.querystop.AwsErrorDetails;
import io.querystop.AwsServiceException;

/** One service's error vocabulary: its name, which codes its model marks retryable, and the code-to-type switch. */
public interface ServiceErrors {

    String serviceName();

    /** Whether the service model marks this error code {@code retryable}. */
    boolean isModeledRetryable(String errorCode);

    /** The typed exception for the code, or the service's base type for a code it does not model. */
    AwsServiceException toException(AwsErrorDetails details);

    /** Whether the error says the query or job is not running (the service's public predicates); for observations. */
    default boolean isNotRunning(Throwable error) {
        return false;
    }
}
