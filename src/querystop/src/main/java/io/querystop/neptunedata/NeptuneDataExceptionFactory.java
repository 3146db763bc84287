package io.querystop.neptunedata;

import io.querystop.neptunedata.errors.AccessDeniedException;
import io.querystop.neptunedata.errors.BadRequestException;
import io.querystop.neptunedata.errors.BulkLoadIdNotFoundException;
import io.querystop.neptunedata.errors.CancelledByUserException;
import io.querystop.neptunedata.errors.ClientTimeoutException;
import io.querystop.neptunedata.errors.ConcurrentModificationException;
import io.querystop.neptunedata.errors.ConstraintViolationException;
import io.querystop.neptunedata.errors.FailureByQueryException;
import io.querystop.neptunedata.errors.IllegalArgumentException;
import io.querystop.neptunedata.errors.InternalFailureException;
import io.querystop.neptunedata.errors.InvalidArgumentException;
import io.querystop.neptunedata.errors.InvalidNumericDataException;
import io.querystop.neptunedata.errors.InvalidParameterException;
import io.querystop.neptunedata.errors.LoadUrlAccessDeniedException;
import io.querystop.neptunedata.errors.MemoryLimitExceededException;
import io.querystop.neptunedata.errors.MethodNotAllowedException;
import io.querystop.neptunedata.errors.MissingParameterException;
import io.querystop.neptunedata.errors.NeptuneDataErrors;
import io.querystop.neptunedata.errors.NeptuneDataException;
import io.querystop.neptunedata.errors.ParsingException;
import io.querystop.neptunedata.errors.PreconditionsFailedException;
import io.querystop.neptunedata.errors.ReadOnlyViolationException;
import io.querystop.neptunedata.errors.ThrottlingException;
import io.querystop.neptunedata.errors.TimeLimitExceededException;
import io.querystop.neptunedata.errors.TooManyRequestsException;
import io.querystop.neptunedata.errors.UnsupportedOperationException;
import io.querystop.AwsErrorDetails;
import io.querystop.internal.http.ServiceErrors;
import java.util.Set;

/** Neptune's error codes: the one switch from code to exception type, and which codes the model marks retryable. */
final class NeptuneDataExceptionFactory implements ServiceErrors {

    static final NeptuneDataExceptionFactory INSTANCE = new NeptuneDataExceptionFactory();

    /** Shapes with the {@code retryable} trait in neptunedata-2023-08-01.json. */
    private static final Set<String> MODELED_RETRYABLE = Set.of(
        "BulkLoadIdNotFoundException",
        "ClientTimeoutException",
        "ConcurrentModificationException",
        "ConstraintViolationException",
        "FailureByQueryException",
        "TimeLimitExceededException",
        "TooManyRequestsException",
        "ThrottlingException",
        "MemoryLimitExceededException");

    private NeptuneDataExceptionFactory() {
    }

    @Override
    public String serviceName() {
        return "NeptuneData";
    }

    @Override
    public boolean isNotRunning(Throwable error) {
        return NeptuneDataErrors.isNotRunning(error) || NeptuneDataErrors.isLoaderJobNotFound(error);
    }

    @Override
    public boolean isModeledRetryable(String errorCode) {
        return MODELED_RETRYABLE.contains(errorCode);
    }

    @Override
    public NeptuneDataException toException(AwsErrorDetails details) {
        String code = details.errorCode();
        if (code == null) {
            return new NeptuneDataException(details);
        }
        return switch (code) {
            case "AccessDeniedException" -> new AccessDeniedException(details);
            case "BadRequestException" -> new BadRequestException(details);
            case "BulkLoadIdNotFoundException" -> new BulkLoadIdNotFoundException(details);
            case "CancelledByUserException" -> new CancelledByUserException(details);
            case "ClientTimeoutException" -> new ClientTimeoutException(details);
            case "ConcurrentModificationException" -> new ConcurrentModificationException(details);
            case "ConstraintViolationException" -> new ConstraintViolationException(details);
            case "FailureByQueryException" -> new FailureByQueryException(details);
            case "IllegalArgumentException" -> new IllegalArgumentException(details);
            case "InternalFailureException" -> new InternalFailureException(details);
            case "InvalidArgumentException" -> new InvalidArgumentException(details);
            case "InvalidNumericDataException" -> new InvalidNumericDataException(details);
            case "InvalidParameterException" -> new InvalidParameterException(details);
            case "LoadUrlAccessDeniedException" -> new LoadUrlAccessDeniedException(details);
            case "MemoryLimitExceededException" -> new MemoryLimitExceededException(details);
            case "MethodNotAllowedException" -> new MethodNotAllowedException(details);
            case "MissingParameterException" -> new MissingParameterException(details);
            case "ParsingException" -> new ParsingException(details);
            case "PreconditionsFailedException" -> new PreconditionsFailedException(details);
            case "ReadOnlyViolationException" -> new ReadOnlyViolationException(details);
            case "ThrottlingException" -> new ThrottlingException(details);
            case "TimeLimitExceededException" -> new TimeLimitExceededException(details);
            case "TooManyRequestsException" -> new TooManyRequestsException(details);
            case "UnsupportedOperationException" -> new UnsupportedOperationException(details);
            default -> new NeptuneDataException(details);
        };
    }
}
