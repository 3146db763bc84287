package io.querystop.cloudtrail.errors;

import io.querystop.AwsErrorDetails;

/**
 * This exception is thrown when the management account does not have a service-linked role.
 *
 * <p>CloudTrail error code {@code NoManagementAccountSLRExistsException}, usually HTTP 400.
 */
public class NoManagementAccountSLRExistsException extends CloudTrailException {

    public NoManagementAccountSLRExistsException(AwsErrorDetails details) {
        super(details);
    }
}
