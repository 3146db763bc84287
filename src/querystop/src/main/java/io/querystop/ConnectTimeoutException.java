package io.querystop;

/** No TCP (and TLS) connection to the endpoint could be made within the connect timeout. */
public class ConnectTimeoutException extends TransportException {

    public ConnectTimeoutException(String operationName, String host, java.time.Duration timeout, Throwable cause) {
        super(operationName, host, "connect timed out after " + timeout.toMillis() + " ms", cause);
    }
}
