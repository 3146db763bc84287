package io.querystop.neptunedata.errors;

import io.querystop.AwsServiceException;

/**
 * How to read Neptune's answers: the questions an application asks of an error, answered the way the service means
 * them. Bulk cancellation uses the same predicates.
 *
 * <pre>{@code
 * neptune.cancelGremlinQuery(id)
 *     .onErrorResume(NeptuneDataErrors::isNotRunning, error -> Mono.empty()); // finished already: nothing to do
 * }</pre>
 */
public final class NeptuneDataErrors {

    private NeptuneDataErrors() {
    }

    /**
     * Whether a query cancel or status call failed because the query is not running: Neptune answers
     * {@code 400 InvalidParameterException} for a query that finished or never existed.
     */
    public static boolean isNotRunning(Throwable error) {
        return error instanceof InvalidParameterException invalid && invalid.statusCode() == 400;
    }

    /**
     * Whether a loader job cancel failed because the job is unknown: {@code BulkLoadIdNotFoundException}. Neptune
     * keeps finished jobs listed for a while, so this means never existed or long gone.
     */
    public static boolean isLoaderJobNotFound(Throwable error) {
        return error instanceof BulkLoadIdNotFoundException;
    }

    /** Whether Neptune asked the caller to slow down ({@code ThrottlingException}, {@code TooManyRequestsException}, HTTP 429). */
    public static boolean isThrottling(Throwable error) {
        return error instanceof AwsServiceException service && service.isThrottling();
    }
}
