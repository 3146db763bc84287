package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * The specified event data store was not found.
 *
 * <p>CloudTrail error code {@code EventDataStoreNotFoundException}, usually HTTP 400.
 */
public class EventDataStoreNotFoundException extends CloudTrailException {

    public EventDataStoreNotFoundException(AwsErrorDetails details) {
        super(details);
    }
}
