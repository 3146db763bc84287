package io.querystop.neptunedata;

import io.querystop.InvalidInputException;

/**
 * Which loader jobs to list ({@code ListLoaderJobs}). Neptune keeps the last 1,024 jobs and lists their ids only; read
 * each job's status with {@code getLoaderJobStatus}.
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming {@code limit} when it is out of range.
 *
 * @param limit              how many ids to list, 1 to 100; {@code null} leaves it out (the service lists 100)
 * @param includeQueuedLoads whether queued loads are listed too; {@code null} leaves it out (the service includes
 *                           them)
 */
public record ListLoaderJobsRequest(Integer limit, Boolean includeQueuedLoads) {

    public ListLoaderJobsRequest {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new InvalidInputException("limit", "must be 1 to 100, was " + limit);
        }
    }

    /** The service's defaults. */
    public ListLoaderJobsRequest() {
        this(null, null);
    }
}
