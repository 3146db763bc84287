package io.querystop;

/**
 * The request was sent but the response's headers, or the next piece of its body, did not arrive within the
 * response timeout of one attempt.
 */
public class ResponseTimeoutException extends TransportException {

    public ResponseTimeoutException(String operationName, String host, java.time.Duration timeout, Throwable cause) {
        super(operationName, host, "no response data for " + timeout.toMillis() + " ms", cause);
    }
}
