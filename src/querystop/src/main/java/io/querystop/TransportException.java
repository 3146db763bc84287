package io.querystop;

/**
 * The call failed below the HTTP answer: the connection was refused, reset or closed early, timed out, or TLS failed.
 * The message names the operation and the endpoint host; the cause is kept. The service may or may not have acted on
 * the request, which is harmless for the idempotent operations this client offers.
 */
public class TransportException extends QuerystopException {

    private final String operationName;
    private final String host;
    private final boolean retryable;

    public TransportException(String operationName, String host, String problem, Throwable cause) {
        this(operationName, host, problem, cause, true);
    }

    /** @param retryable {@code false} for failures that another attempt cannot mend, such as a rejected certificate */
    public TransportException(String operationName, String host, String problem, Throwable cause, boolean retryable) {
        super(operationName + " to " + host + " failed: " + problem, cause);
        this.operationName = operationName;
        this.host = host;
        this.retryable = retryable;
    }

    public String operationName() {
        return operationName;
    }

    /** The endpoint's host and port, as the request's {@code Host} header carried them. */
    public String host() {
        return host;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
