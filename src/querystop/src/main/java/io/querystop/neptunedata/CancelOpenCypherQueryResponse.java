package io.querystop.neptunedata;

/**
 * @param status  the cancellation's status; {@code null} when absent
 * @param payload the cancellation payload; {@code null} when absent
 */
public record CancelOpenCypherQueryResponse(String status, Boolean payload) {
}
