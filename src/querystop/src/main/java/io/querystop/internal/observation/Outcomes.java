package io.querystop.internal.observation;

import io.querystop.AwsServiceException;
import io.querystop.CallTimeoutException;
import io.querystop.ConnectTimeoutException;
import io.querystop.InvalidResponseException;
import io.querystop.PoolAcquireTimeoutException;
import io.querystop.ResponseTimeoutException;
import io.querystop.TransportException;
import io.querystop.observation.CallOutcome;
import java.util.function.Predicate;

/** How a call's end is classified for its observation: the outcome and the error code. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * @param error      the call's failure, or {@code null} after a success
     * @param notRunning the service's rule for "not running" answers
     */
    static CallOutcome of(Throwable error, Predicate<Throwable> notRunning) {
        if (error == null) {
            return CallOutcome.SUCCESS;
        }
        if (notRunning.test(error)) {
            return CallOutcome.NOT_RUNNING;
        }
        if (error instanceof AwsServiceException service) {
            if (service.isThrottling()) {
                return CallOutcome.THROTTLED;
            }
            return service.statusCode() >= 500 ? CallOutcome.SERVER_ERROR : CallOutcome.CLIENT_ERROR;
        }
        if (error instanceof CallTimeoutException || error instanceof ConnectTimeoutException
            || error instanceof ResponseTimeoutException || error instanceof PoolAcquireTimeoutException) {
            return CallOutcome.TIMEOUT;
        }
        if (error instanceof TransportException || error instanceof InvalidResponseException) {
            return CallOutcome.TRANSPORT_ERROR;
        }
        return CallOutcome.CLIENT_ERROR; // bad input, no credentials, a closed client
    }

    /** The service's error code, else the failure's simple type name (a small, fixed set); {@code null} for none. */
    static String errorCode(Throwable error) {
        if (error == null) {
            return null;
        }
        if (error instanceof AwsServiceException service && service.errorCode() != null) {
            return service.errorCode();
        }
        return error.getClass().getSimpleName();
    }
}
