package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * The maximum number of results asked for is not valid.
 *
 * <p>CloudTrail error code {@code InvalidMaxResultsException}, usually HTTP 400.
 */
public class InvalidMaxResultsException extends CloudTrailException {

    public InvalidMaxResultsException(AwsErrorDetails details) {
        super(details);
    }
}
