package io.querystop.neptunedata.errors;

import io.querystop.AwsErrorDetails;
import io.querystop.AwsServiceException;

/**
 * Neptune answered with an error. The subclasses name Neptune's error codes; a code this client does not know is
 * raised as this class with {@link #errorCode()} intact.
 */
public class NeptuneDataException extends AwsServiceException {

    public NeptuneDataException(AwsErrorDetails details) {
        super(details);
    }
}
