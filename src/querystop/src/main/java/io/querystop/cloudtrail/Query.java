package io.querystop.cloudtrail;

import java.time.Instant;

/**
 * One query of a listing ({@code Query}). Every member is {@code null} when the service left it out.
 *
 * @param queryId      the query's id
 * @param queryStatus  its status; a status this client does not know is kept as it came
 * @param creationTime when it was created, by CloudTrail's clock
 */
public record Query(String queryId, QueryStatus queryStatus, Instant creationTime) {
}
