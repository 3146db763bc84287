package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;
import io.querystop.AwsServiceException;

/**
 * CloudTrail answered with an error. The subclasses name CloudTrail's error codes; a code this client does not know
 * is raised as this class with {@link #errorCode()} intact.
 */
public class CloudTrailException extends AwsServiceException {

    public CloudTrailException(AwsErrorDetails details) {
        super(details);
    }
}
