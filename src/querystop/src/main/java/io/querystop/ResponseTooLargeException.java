package io.querystop;

/**
 * The response body went past the client's response size limit ({@code maxResponseBytes}, 1 MiB unless set).
 * Reading stops at the limit and the connection is closed rather than drained.
 */
public class ResponseTooLargeException extends InvalidResponseException {

    private final long limitBytes;

    public ResponseTooLargeException(String operationName, int statusCode, long limitBytes) {
        super(operationName, statusCode, "body larger than the limit of " + limitBytes + " bytes", null);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
