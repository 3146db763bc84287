package io.querystop;

/**
 * The service answered 2xx but the body could not be read as the operation's response: it was not JSON, was cut
 * short, or a member had the wrong type. Error answers never raise this: they become an {@link AwsServiceException}
 * whatever their body.
 */
public class InvalidResponseException extends QuerystopException {

    private final String operationName;
    private final int statusCode;

    public InvalidResponseException(String operationName, int statusCode, String problem, Throwable cause) {
        super(operationName + ": unreadable response (HTTP " + statusCode + "): " + problem, cause);
        this.operationName = operationName;
        this.statusCode = statusCode;
    }

    public String operationName() {
        return operationName;
    }

    public int statusCode() {
        return statusCode;
    }
}
