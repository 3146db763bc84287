package io.querystop.cloudtrail;

import io.querystop.cloudtrail.errors.CloudTrailException;
import io.querystop.CallOptions;
import io.querystop.ClientBuilder;
import io.querystop.bulk.BulkCancel;
import io.querystop.cloudtrail.errors.CloudTrailErrors;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.ConnectionPoolStats;
import io.querystop.InvalidInputException;
import io.querystop.internal.http.Endpoint;
import io.querystop.internal.http.TransportFactory;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive client of AWS CloudTrail Lake's query operations: list event data stores and their queries, describe and
 * cancel a query. Clients should be shared: each holds a connection
 * pool, and one client serves any number of concurrent calls.
 *
 * <pre>{@code
 * try (CloudTrailClient cloudTrail = CloudTrailClient.builder().region("eu-west-1").build()) {
 *     cloudTrail.cancelQuery("0b7d2ba5-9e21-4c2f-8a4b-d3b6f0c1e2a7")
 *         .subscribe(r -> log.info("query {} is {}", r.queryId(), r.queryStatus()));
 * } // close() lets the call finish (up to 10 s), then releases the pool and the client's threads
 * }</pre>
 *
 * <p>The {@code Mono} is lazy and cold; cancelling it aborts the call. Service errors are
 * {@link CloudTrailException} subclasses named after CloudTrail's error codes.
 */
public interface CloudTrailClient extends AutoCloseable {

    static Builder builder() {
        return new Builder();
    }

    /** Cancels a query that is not yet in a terminal state. */
    Mono<CancelQueryResponse> cancelQuery(CancelQueryRequest request, CallOptions options);

    default Mono<CancelQueryResponse> cancelQuery(CancelQueryRequest request) {
        return cancelQuery(request, CallOptions.defaults());
    }

    default Mono<CancelQueryResponse> cancelQuery(String queryId) {
        return Mono.defer(() -> cancelQuery(new CancelQueryRequest(queryId)));
    }

    /** Lists one page of an event data store's queries of the last seven days ({@code ListQueries}). */
    Mono<ListQueriesResponse> listQueries(ListQueriesRequest request, CallOptions options);

    default Mono<ListQueriesResponse> listQueries(ListQueriesRequest request) {
        return listQueries(request, CallOptions.defaults());
    }

    /**
     * Every page of {@code ListQueries}, from the request's {@code nextToken} (the first page when {@code null}) to the
     * last, following {@code NextToken}. Lazy and cold; one call at a time, and the next page is asked for only when
     * the subscriber wants one more page (so {@code take(1)} makes one call). For the queries themselves, flatten with
     * a prefetch of one, which keeps that: {@code .flatMapIterable(ListQueriesResponse::queries, 1)}.
     */
    default Flux<ListQueriesResponse> listQueriesPaginator(ListQueriesRequest request, CallOptions options) {
        if (request == null) {
            return Flux.error(new InvalidInputException("request", "must not be null"));
        }
        return Pages.of(token -> listQueries(token == null ? request : request.withNextToken(token), options),
            ListQueriesResponse::nextToken);
    }

    default Flux<ListQueriesResponse> listQueriesPaginator(ListQueriesRequest request) {
        return listQueriesPaginator(request, CallOptions.defaults());
    }

    /** Describes a query: status, statistics (bytes scanned, time), error message ({@code DescribeQuery}). */
    Mono<DescribeQueryResponse> describeQuery(DescribeQueryRequest request, CallOptions options);

    default Mono<DescribeQueryResponse> describeQuery(DescribeQueryRequest request) {
        return describeQuery(request, CallOptions.defaults());
    }

    default Mono<DescribeQueryResponse> describeQuery(String queryId) {
        return Mono.defer(() -> describeQuery(new DescribeQueryRequest(queryId)));
    }

    /** Lists one page of the account's event data stores in the client's region ({@code ListEventDataStores}). */
    Mono<ListEventDataStoresResponse> listEventDataStores(ListEventDataStoresRequest request, CallOptions options);

    default Mono<ListEventDataStoresResponse> listEventDataStores(ListEventDataStoresRequest request) {
        return listEventDataStores(request, CallOptions.defaults());
    }

    /**
     * Every page of {@code ListEventDataStores}, following {@code NextToken}; lazy, cold and one page per demand, as
     * {@link #listQueriesPaginator(ListQueriesRequest, CallOptions)}.
     */
    default Flux<ListEventDataStoresResponse> listEventDataStoresPaginator(ListEventDataStoresRequest request,
                                                                           CallOptions options) {
        if (request == null) {
            return Flux.error(new InvalidInputException("request", "must not be null"));
        }
        return Pages.of(token -> listEventDataStores(token == null ? request : request.withNextToken(token), options),
            ListEventDataStoresResponse::nextToken);
    }

    default Flux<ListEventDataStoresResponse> listEventDataStoresPaginator(ListEventDataStoresRequest request) {
        return listEventDataStoresPaginator(request, CallOptions.defaults());
    }

    /** Cancels many queries, one outcome per id; see {@link BulkCancel}. */
    default Flux<CancelOutcome<CancelQueryResponse>> cancelQueries(Publisher<String> queryIds, BulkOptions options) {
        return cancelQueries(queryIds, null, null, options);
    }

    /**
     * Cancels many queries of one event data store and owner account, one outcome per id; see {@link BulkCancel}.
     *
     * @param eventDataStore the {@code EventDataStore} member of every cancel, or {@code null}
     * @param ownerAccountId the {@code EventDataStoreOwnerAccountId} member of every cancel, or {@code null}
     */
    default Flux<CancelOutcome<CancelQueryResponse>> cancelQueries(Publisher<String> queryIds, String eventDataStore,
                                                                   String ownerAccountId, BulkOptions options) {
        return BulkCancel.ids(queryIds,
            (id, call) -> cancelQuery(new CancelQueryRequest(id, eventDataStore, ownerAccountId), call),
            CloudTrailErrors::isNotRunning, options);
    }

    /** Cancels many queries given as requests, one outcome per request; see {@link BulkCancel}. */
    default Flux<CancelOutcome<CancelQueryResponse>> cancelQueryRequests(Publisher<CancelQueryRequest> requests,
                                                                         BulkOptions options) {
        return BulkCancel.run(requests, CancelQueryRequest::queryId, this::cancelQuery, CloudTrailErrors::isNotRunning,
            options);
    }

    /** The region requests are signed for. */
    String region();

    /** The endpoint requests go to, e.g. {@code https://cloudtrail.us-east-1.amazonaws.com}. */
    String endpoint();

    /**
     * The service's clock, as the {@code Date} header of this client's last answer tells it (to about a second); the
     * local clock until the first answer. Ages computed from the service's own timestamps are measured on it, so that
     * a skewed local clock does not make work look older or younger than it is. Updated by every answer.
     */
    default java.time.Clock serverClock() {
        return java.time.Clock.systemUTC();
    }

    /**
     * The live figures of the client's connection pool; calls waiting for admission count as pending. Active and idle
     * are {@code -1} for a pool the caller gave.
     */
    ConnectionPoolStats connectionPoolStats();

    /**
     * Closes at once: new calls fail with {@link IllegalStateException}, calls still in flight fail too, and what the
     * client created (its pool, its default credentials provider, its own {@link io.querystop.ClientResources}) is
     * released; completes when it is. Never blocks. Calling it again is harmless.
     */
    Mono<Void> closeLater();

    /**
     * Closes and waits, within {@code timeout} in all: new calls fail at once with {@link IllegalStateException}; the
     * calls in flight may finish within {@code timeout}, then those still running fail; then what the client created is
     * released. On a thread that must not block (a Netty event loop, Reactor's parallel scheduler), it only starts
     * closing and returns {@code false}.
     *
     * @return whether every call in flight finished by itself and everything was released within {@code timeout}
     */
    boolean close(Duration timeout);

    /** {@link #close(Duration)} with a bound of 10 seconds, for try-with-resources. */
    @Override
    void close();

    /** Builds a {@link CloudTrailClient}: the endpoint comes from the region unless overridden. */
    final class Builder extends ClientBuilder<Builder, CloudTrailClient> {

        private String endpointOverride;
        private boolean fips;
        private boolean dualStack;

        Builder() {
        }

        /** An endpoint to use instead of the region's, e.g. a VPC endpoint or an emulator. */
        public Builder endpointOverride(String endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        /** Use the region's FIPS endpoint. Not together with an endpoint override. */
        public Builder fips(boolean fips) {
            this.fips = fips;
            return this;
        }

        /** Use the region's dual-stack (IPv4 and IPv6) endpoint. Not together with an endpoint override. */
        public Builder dualStack(boolean dualStack) {
            this.dualStack = dualStack;
            return this;
        }

        @Override
        public CloudTrailClient build() {
            String region = resolveRegion(null);
            Endpoint endpoint = Endpoint.parse(CloudTrailEndpoints.resolve(region, fips, dualStack, endpointOverride));
            return new DefaultCloudTrailClient(TransportFactory.create(settings(region),
                CloudTrailExceptionFactory.INSTANCE, "cloudtrail", endpoint));
        }
    }
}
