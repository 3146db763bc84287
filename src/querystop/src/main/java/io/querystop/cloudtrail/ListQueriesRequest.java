package io.querystop.cloudtrail;

import io.querystop.internal.Validation;
import java.time.Instant;

/**
 * Which queries of an event data store to list ({@code ListQueries}): CloudTrail lists those of the last seven days.
 * Members left {@code null} are left out of the request. Each {@code with...} returns a copy.
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming the member that breaks the model's
 * constraints.
 *
 * <pre>{@code
 * ListQueriesRequest running = new ListQueriesRequest(eventDataStoreArn).withQueryStatus(QueryStatus.RUNNING);
 * }</pre>
 *
 * @param eventDataStore required: the event data store's ARN or id suffix, 3 to 256 characters of
 *                       {@code [a-zA-Z0-9._/\-:]}
 * @param nextToken      the token of the page to read, from the previous page; 4 to 1,000 characters
 * @param maxResults     at most this many queries per page, 1 to 1,000
 * @param startTime      only queries created at or after this time (sent in epoch seconds)
 * @param endTime        only queries created at or before this time
 * @param queryStatus    only queries in this status
 */
public record ListQueriesRequest(String eventDataStore, String nextToken, Integer maxResults, Instant startTime,
                                 Instant endTime, QueryStatus queryStatus) {

    public ListQueriesRequest {
        Validation.notNull("eventDataStore", eventDataStore);
        CloudTrailConstraints.eventDataStore(eventDataStore);
        CloudTrailConstraints.nextToken(nextToken);
        CloudTrailConstraints.maxResults(maxResults);
    }

    /** Every query of the store, first page. */
    public ListQueriesRequest(String eventDataStore) {
        this(eventDataStore, null, null, null, null, null);
    }

    public ListQueriesRequest withNextToken(String value) {
        return new ListQueriesRequest(eventDataStore, value, maxResults, startTime, endTime, queryStatus);
    }

    public ListQueriesRequest withMaxResults(Integer value) {
        return new ListQueriesRequest(eventDataStore, nextToken, value, startTime, endTime, queryStatus);
    }

    /** Queries created within {@code [start, end]}; either may be {@code null}. */
    public ListQueriesRequest withTimeRange(Instant start, Instant end) {
        return new ListQueriesRequest(eventDataStore, nextToken, maxResults, start, end, queryStatus);
    }

    public ListQueriesRequest withQueryStatus(QueryStatus value) {
        return new ListQueriesRequest(eventDataStore, nextToken, maxResults, startTime, endTime, value);
    }
}
