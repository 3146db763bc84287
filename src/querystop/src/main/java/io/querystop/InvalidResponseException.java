package io.querystop;

/**
 * The service's answer could not be read: the HTTP framing was broken (a status line that is malformed or too long,
 * headers over the size limit, a bad chunked encoding), or a 2xx body was not the operation's response (not JSON, cut
 * short, a member of the wrong type). Error answers with a readable framing never raise this: they become an
 * {@link AwsServiceException} whatever their body. The connection that carried such an answer is closed, never reused.
 *
 * <p>Not retryable by default ({@link #isRetryable()} is {@code false}): an endpoint that answers garbage usually
 * answers the same garbage again, and for a 2xx the service may already have acted. A
 * {@link RetryPolicy} with its own predicate may still retry it.
 */
public class InvalidResponseException extends QuerystopException {

    private final String operationName;
    private final String host;
    private final int statusCode;

    public InvalidResponseException(String operationName, int statusCode, String problem, Throwable cause) {
        super(operationName + ": unreadable response (HTTP " + statusCode + "): " + problem, cause);
        this.operationName = operationName;
        this.host = null;
        this.statusCode = statusCode;
    }

    /**
     * @param host       the endpoint's host (and port) that answered
     * @param statusCode the answer's status, 0 when the status line itself could not be read
     */
    public InvalidResponseException(String operationName, String host, int statusCode, String problem,
                                    Throwable cause) {
        super(operationName + " to " + host + ": unreadable response" + (statusCode > 0 ? " (HTTP " + statusCode + ")"
            : "") + ": " + problem, cause);
        this.operationName = operationName;
        this.host = host;
        this.statusCode = statusCode;
    }

    public String operationName() {
        return operationName;
    }

    /** The endpoint's host (and port), {@code null} when not known. */
    public String host() {
        return host;
    }

    /** The answer's HTTP status, 0 when the status line could not be read. */
    public int statusCode() {
        return statusCode;
    }
}
