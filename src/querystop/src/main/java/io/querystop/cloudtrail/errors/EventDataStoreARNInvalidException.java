package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * The specified event data store ARN is not valid or does not map to an event data store in your account.
 *
 * <p>CloudTrail error code {@code EventDataStoreARNInvalidException}, usually HTTP 400.
 */
public class EventDataStoreARNInvalidException extends CloudTrailException {

    public EventDataStoreARNInvalidException(AwsErrorDetails details) {
        super(details);
    }
}
