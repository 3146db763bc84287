package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * The event data store is inactive.
 *
 * <p>CloudTrail error code {@code InactiveEventDataStoreException}, usually HTTP 400.
 */
public class InactiveEventDataStoreException extends CloudTrailException {

    public InactiveEventDataStoreException(AwsErrorDetails details) {
        super(details);
    }
}
