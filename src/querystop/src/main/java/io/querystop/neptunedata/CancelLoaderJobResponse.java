package io.querystop.neptunedata;

/** @param status the cancellation's status; {@code null} when absent (Neptune may answer with an empty body) */
public record CancelLoaderJobResponse(String status) {
}
