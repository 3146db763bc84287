package io.querystop.sweep;

import io.querystop.CallOptions;
import reactor.core.publisher.Mono;

/** The port a {@link CloudTrailSweep} uses: CloudTrail Lake's event data stores and queries, one page at a time. */
public interface CloudTrailLake {

    /** The CloudTrail endpoint, as events name it. */
    String endpoint();

    /** One page of the account's event data store ARNs; {@code nextToken} is {@code null} for the first. */
    Mono<Page<String>> listEventDataStores(String nextToken);

    /** One page of an event data store's queries with the given status; {@code nextToken} {@code null} first. */
    Mono<Page<TrailQuery>> listQueries(String eventDataStore, String queryStatus, String nextToken);

    /** A query's text, status and statistics. */
    Mono<TrailQueryDetails> describeQuery(String eventDataStore, String queryId);

    /** Cancels a query; any value means the service accepted. It must pass {@code options} on to the client. */
    Mono<?> cancelQuery(String eventDataStore, String queryId, CallOptions options);

    /** Whether an error means the query is not running: {@code InactiveQueryException}, {@code QueryIdNotFoundException}. */
    boolean isNotRunning(Throwable error);
}
