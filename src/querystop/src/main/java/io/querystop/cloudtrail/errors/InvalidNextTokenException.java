package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * A pagination token is not valid, or was used before in a request with other parameters.
 *
 * <p>CloudTrail error code {@code InvalidNextTokenException}, usually HTTP 400.
 */
public class InvalidNextTokenException extends CloudTrailException {

    public InvalidNextTokenException(AwsErrorDetails details) {
        super(details);
    }
}
