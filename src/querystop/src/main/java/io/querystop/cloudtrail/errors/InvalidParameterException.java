package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * The request includes a parameter that is not valid.
 *
 * <p>CloudTrail error code {@code InvalidParameterException}, usually HTTP 400.
 */
public class InvalidParameterException extends CloudTrailException {

    public InvalidParameterException(AwsErrorDetails details) {
        super(details);
    }
}
