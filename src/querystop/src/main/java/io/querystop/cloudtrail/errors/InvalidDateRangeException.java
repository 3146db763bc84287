package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * A date range for the query is not valid: the start time must come before the end time.
 *
 * <p>CloudTrail error code {@code InvalidDateRangeException}, usually HTTP 400.
 */
public class InvalidDateRangeException extends CloudTrailException {

    public InvalidDateRangeException(AwsErrorDetails details) {
        super(details);
    }
}
