package io.querystop.cloudtrail;

import io.querystop.cloudtrail.errors.CloudTrailException;
import io.querystop.cloudtrail.errors.ConflictException;
import io.querystop.cloudtrail.errors.EventDataStoreARNInvalidException;
import io.querystop.cloudtrail.errors.EventDataStoreNotFoundException;
import io.querystop.cloudtrail.errors.InactiveEventDataStoreException;
import io.querystop.cloudtrail.errors.InactiveQueryException;
import io.querystop.cloudtrail.errors.InvalidDateRangeException;
import io.querystop.cloudtrail.errors.InvalidMaxResultsException;
import io.querystop.cloudtrail.errors.InvalidNextTokenException;
import io.querystop.cloudtrail.errors.InvalidParameterException;
import io.querystop.cloudtrail.errors.InvalidQueryStatusException;
import io.querystop.cloudtrail.errors.NoManagementAccountSLRExistsException;
import io.querystop.cloudtrail.errors.OperationNotPermittedException;
import io.querystop.cloudtrail.errors.QueryIdNotFoundException;
import io.querystop.cloudtrail.errors.UnsupportedOperationException;
import io.querystop.AwsErrorDetails;
import io.querystop.internal.http.ServiceErrors;

/** CloudTrail's error codes for the Lake operations: the one switch from code to exception type. */
final class CloudTrailExceptionFactory implements ServiceErrors {

    static final CloudTrailExceptionFactory INSTANCE = new CloudTrailExceptionFactory();

    private CloudTrailExceptionFactory() {
    }

    @Override
    public String serviceName() {
        return "CloudTrail";
    }

    /** No error of these operations carries the {@code retryable} trait in cloudtrail-2013-11-01.json. */
    @Override
    public boolean isModeledRetryable(String errorCode) {
        return false;
    }

    @Override
    public CloudTrailException toException(AwsErrorDetails details) {
        String code = details.errorCode();
        if (code == null) {
            return new CloudTrailException(details);
        }
        return switch (code) {
            case "ConflictException" -> new ConflictException(details);
            case "EventDataStoreARNInvalidException" -> new EventDataStoreARNInvalidException(details);
            case "EventDataStoreNotFoundException" -> new EventDataStoreNotFoundException(details);
            case "InactiveEventDataStoreException" -> new InactiveEventDataStoreException(details);
            case "InactiveQueryException" -> new InactiveQueryException(details);
            case "InvalidDateRangeException" -> new InvalidDateRangeException(details);
            case "InvalidMaxResultsException" -> new InvalidMaxResultsException(details);
            case "InvalidNextTokenException" -> new InvalidNextTokenException(details);
            case "InvalidParameterException" -> new InvalidParameterException(details);
            case "InvalidQueryStatusException" -> new InvalidQueryStatusException(details);
            case "NoManagementAccountSLRExistsException" -> new NoManagementAccountSLRExistsException(details);
            case "OperationNotPermittedException" -> new OperationNotPermittedException(details);
            case "QueryIdNotFoundException" -> new QueryIdNotFoundException(details);
            case "UnsupportedOperationException" -> new UnsupportedOperationException(details);
            default -> new CloudTrailException(details);
        };
    }
}
