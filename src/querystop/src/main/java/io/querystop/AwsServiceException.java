package io.querystop;

/**
 * The service answered with an error. Each service has one subclass ({@code NeptuneDataException},
 * {@code CloudTrailException}) and below it one class per error code the service models; a code the client does not
 * know stays on the service's base class with its code intact.
 */
public class AwsServiceException extends QuerystopException {

    private final AwsErrorDetails details;

    public AwsServiceException(AwsErrorDetails details) {
        super(describe(details));
        this.details = details;
    }

    private static String describe(AwsErrorDetails d) {
        StringBuilder text = new StringBuilder(128);
        text.append(d.operationName()).append(": ");
        text.append(d.errorMessage() == null ? "(no message)" : d.errorMessage());
        text.append(" (Service: ").append(d.serviceName())
            .append(", Status Code: ").append(d.statusCode())
            .append(", Error Code: ").append(d.errorCode() == null ? "none" : d.errorCode())
            .append(", Request ID: ").append(d.requestId() == null ? "none" : d.requestId())
            .append(')');
        return text.toString();
    }

    public AwsErrorDetails details() {
        return details;
    }

    public int statusCode() {
        return details.statusCode();
    }

    /** The error code without namespace, or {@code null} when the answer carried none. */
    public String errorCode() {
        return details.errorCode();
    }

    public String errorMessage() {
        return details.errorMessage();
    }

    public String requestId() {
        return details.requestId();
    }

    public String operationName() {
        return details.operationName();
    }

    public boolean isThrottling() {
        return details.throttling();
    }

    @Override
    public boolean isRetryable() {
        return details.retryable();
    }
}
