package io.querystop.neptunedata;

/**
 * @param status  the listing's status, {@code "200 OK"}; {@code null} when absent
 * @param payload the ids; {@code null} when absent
 */
public record ListLoaderJobsResponse(String status, LoaderIdResult payload) {
}
