package io.querystop.sweep;

import io.querystop.CallOptions;
import io.querystop.cloudtrail.CancelQueryRequest;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.cloudtrail.DescribeQueryRequest;
import io.querystop.cloudtrail.DescribeQueryResponse;
import io.querystop.cloudtrail.EventDataStore;
import io.querystop.cloudtrail.ListEventDataStoresRequest;
import io.querystop.cloudtrail.ListQueriesRequest;
import io.querystop.cloudtrail.Query;
import io.querystop.cloudtrail.QueryStatisticsForDescribeQuery;
import io.querystop.cloudtrail.QueryStatus;
import io.querystop.cloudtrail.errors.CloudTrailErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The CloudTrail sweep's port over a {@link CloudTrailClient} (the caller's: not closed here). The client does not
 * hand out its answers' {@code Date} header, so pages carry no service time and ages use this process's clock.
 */
record CloudTrailClientLake(CloudTrailClient client) implements CloudTrailLake {

    /** The largest page {@code ListQueries} gives. */
    static final int PAGE_SIZE = 1_000;

    @Override
    public String endpoint() {
        return client.endpoint();
    }

    @Override
    public Mono<Page<String>> listEventDataStores(String nextToken) {
        ListEventDataStoresRequest request = new ListEventDataStoresRequest();
        return client.listEventDataStores(nextToken == null ? request : request.withNextToken(nextToken))
            .map(response -> new Page<>(response.eventDataStores() == null ? List.of()
                : response.eventDataStores().stream().map(EventDataStore::eventDataStoreArn)
                    .filter(Objects::nonNull).toList(), response.nextToken(), client.serverClock().instant()));
    }

    @Override
    public Mono<Page<TrailQuery>> listQueries(String eventDataStore, String queryStatus, String nextToken) {
        ListQueriesRequest request = new ListQueriesRequest(eventDataStore).withQueryStatus(QueryStatus.of(queryStatus))
            .withMaxResults(PAGE_SIZE);
        return client.listQueries(nextToken == null ? request : request.withNextToken(nextToken))
            .map(response -> new Page<>(response.queries() == null ? List.of()
                : response.queries().stream().filter(Objects::nonNull).map(CloudTrailClientLake::trailQuery).toList(),
                // the service's time as this answer's Date header told it: ages free of local clock skew
                response.nextToken(), client.serverClock().instant()));
    }

    private static TrailQuery trailQuery(Query query) {
        return new TrailQuery(query.queryId(), query.queryStatus() == null ? null : query.queryStatus().value(),
            query.creationTime());
    }

    @Override
    public Mono<TrailQueryDetails> describeQuery(String eventDataStore, String queryId) {
        return client.describeQuery(new DescribeQueryRequest(queryId)).map(CloudTrailClientLake::details);
    }

    private static TrailQueryDetails details(DescribeQueryResponse response) {
        Map<String, Object> statistics = new HashMap<>();
        QueryStatisticsForDescribeQuery stats = response.queryStatistics();
        if (stats != null) {
            putIfSet(statistics, "EventsMatched", stats.eventsMatched());
            putIfSet(statistics, "EventsScanned", stats.eventsScanned());
            putIfSet(statistics, "BytesScanned", stats.bytesScanned());
            putIfSet(statistics, "ExecutionTimeInMillis", stats.executionTimeInMillis());
        }
        return new TrailQueryDetails(response.queryId(), response.queryString(),
            response.queryStatus() == null ? null : response.queryStatus().value(), statistics);
    }

    private static void putIfSet(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    @Override
    public Mono<?> cancelQuery(String eventDataStore, String queryId, CallOptions options) {
        return client.cancelQuery(new CancelQueryRequest(queryId), options);
    }

    @Override
    public boolean isNotRunning(Throwable error) {
        return CloudTrailErrors.isNotRunning(error);
    }
}
