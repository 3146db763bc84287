package io.querystop.sweep;

import java.time.Instant;

/**
 * A CloudTrail Lake query as {@code ListQueries} gives it.
 *
 * @param queryId      its id
 * @param queryStatus  {@code QUEUED}, {@code RUNNING}, {@code FINISHED}, {@code FAILED}, {@code CANCELLED} or
 *                     {@code TIMED_OUT}
 * @param creationTime {@code CreationTime}, on the service's clock
 */
public record TrailQuery(String queryId, String queryStatus, Instant creationTime) {
}
