package io.querystop.neptunedata;

/** @param status the cancellation's status, {@code "200 OK"} when it succeeded; {@code null} when absent */
public record CancelGremlinQueryResponse(String status) {
}
