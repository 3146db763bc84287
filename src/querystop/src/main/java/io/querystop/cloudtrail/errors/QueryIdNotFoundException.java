package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * The query ID does not exist or does not map to a query.
 *
 * <p>CloudTrail error code {@code QueryIdNotFoundException}, usually HTTP 400.
 */
public class QueryIdNotFoundException extends CloudTrailException {

    public QueryIdNotFoundException(AwsErrorDetails details) {
        super(details);
    }
}
