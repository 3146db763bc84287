package io.querystop;

/**
 * What an AWS service said when it answered a call with an error.
 *
 * @param serviceName   {@code "NeptuneData"} or {@code "CloudTrail"}
 * @param operationName the AWS operation name, e.g. {@code CancelGremlinQuery}
 * @param statusCode    the HTTP status
 * @param errorCode     the service's error code with any namespace removed, or {@code null} when the answer had none
 * @param errorMessage  {@code detailedMessage}, {@code message} or {@code Message} from the body, or a short
 *                      description of a body that was not JSON; may be {@code null}
 * @param requestId     the body's {@code requestId} or the {@code x-amzn-RequestId} header; may be {@code null}
 * @param throttling    whether the answer means "slow down" (429, or a throttling code whatever the status)
 * @param retryable     whether the same call may succeed when tried again
 */
public record AwsErrorDetails(String serviceName, String operationName, int statusCode, String errorCode,
                              String errorMessage, String requestId, boolean throttling, boolean retryable) {
}
