package io.querystop.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.querystop.AwsErrorDetails;
import java.io.IOException;

/**
 * The error-parsing stage: an error answer's body and headers become {@link AwsErrorDetails} (code, message, request
 * id, throttling, retryable), leniently, since an error body of unexpected shape (a proxy's HTML page) must still
 * become an error and never a crash.
 */
public final class ErrorParser {

    private final ServiceErrors errors;

    public ErrorParser(ServiceErrors errors) {
        this.errors = errors;
    }

    public AwsErrorDetails parse(String operationName, int status, HttpHeaders headers, ResponseBody body) {
        JsonNode json = null;
        String unreadable = null;
        try {
            json = body.finish();
            if (json != null && !json.isObject()) {
                json = null;
                unreadable = "a JSON body that is not an object: " + body.snippet();
            }
        } catch (IOException e) {
            String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
            unreadable = "a non-JSON body" + (type == null ? "" : " (" + type + ")") + ": " + body.snippet();
        }
        String code = ErrorClassification.normalizeCode(firstNonBlank(
            headers.get("x-amzn-errortype"), text(json, "code"), text(json, "__type")));
        String message = unreadable != null ? unreadable
            : firstNonBlank(text(json, "detailedMessage"), text(json, "message"), text(json, "Message"));
        String requestId = firstNonBlank(text(json, "requestId"), headers.get("x-amzn-RequestId"));
        boolean throttling = ErrorClassification.isThrottling(status, code);
        boolean retryable = throttling || ErrorClassification.isRetryableStatus(status)
            || (code != null && errors.isModeledRetryable(code));
        return new AwsErrorDetails(errors.serviceName(), operationName, status, code, message, requestId,
            throttling, retryable);
    }

    private static String text(JsonNode json, String member) {
        if (json == null) {
            return null;
        }
        JsonNode value = json.get(member);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
