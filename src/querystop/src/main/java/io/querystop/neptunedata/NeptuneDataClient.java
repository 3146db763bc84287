package io.querystop.neptunedata;

import io.querystop.neptunedata.errors.NeptuneDataException;
import io.querystop.CallOptions;
import io.querystop.ClientBuilder;
import io.querystop.bulk.BulkCancel;
import io.querystop.neptunedata.errors.NeptuneDataErrors;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.ConnectionPoolStats;
import io.querystop.internal.http.Endpoint;
import io.querystop.internal.http.TransportFactory;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive client of the Amazon Neptune data API. Clients should be shared: each holds a connection pool, and one
 * client serves any number of concurrent calls.
 *
 * <pre>{@code
 * try (NeptuneDataClient neptune = NeptuneDataClient.builder()
 *         .endpoint("https://my-cluster.cluster-abc.us-east-1.neptune.amazonaws.com:8182")
 *         .build()) {
 *     neptune.cancelGremlinQuery("f43ce17b-db01-4d37-a074-c7d5e11a8e1c")
 *         .subscribe(r -> log.info("cancelled: {}", r.status()));
 * } // close() lets the call finish (up to 10 s), then releases the pool and the client's threads
 * }</pre>
 *
 * <p>In a long-running application, build the client once and close it at shutdown, reactively with
 * {@link #closeLater()} or blocking with {@link #close(Duration)}.
 *
 * <p>Every method returns a lazy, cold {@code Mono}: nothing is sent before subscription, each subscription is a
 * new call, and cancelling the subscription aborts the call and frees its connection. Signals arrive on Netty event
 * loop threads; do not block in them. Status and listings are per instance: each answer describes the instance that
 * served the connection, so give one client per instance endpoint to see a whole cluster. Bad input fails the {@code Mono} with an {@link java.lang.IllegalArgumentException}
 * naming the field before anything is sent. Service errors are {@link NeptuneDataException} subclasses named after
 * Neptune's error codes; failures below HTTP are {@link io.querystop.TransportException}s.
 */
public interface NeptuneDataClient extends AutoCloseable {

    static Builder builder() {
        return new Builder();
    }

    /** {@code DELETE /gremlin/status/{queryId}}: cancels a running Gremlin query. */
    Mono<CancelGremlinQueryResponse> cancelGremlinQuery(CancelGremlinQueryRequest request, CallOptions options);

    default Mono<CancelGremlinQueryResponse> cancelGremlinQuery(CancelGremlinQueryRequest request) {
        return cancelGremlinQuery(request, CallOptions.defaults());
    }

    default Mono<CancelGremlinQueryResponse> cancelGremlinQuery(String queryId) {
        return Mono.defer(() -> cancelGremlinQuery(new CancelGremlinQueryRequest(queryId)));
    }

    /** {@code DELETE /opencypher/status/{queryId}[?silent=...]}: cancels a running openCypher query. */
    Mono<CancelOpenCypherQueryResponse> cancelOpenCypherQuery(CancelOpenCypherQueryRequest request, CallOptions options);

    default Mono<CancelOpenCypherQueryResponse> cancelOpenCypherQuery(CancelOpenCypherQueryRequest request) {
        return cancelOpenCypherQuery(request, CallOptions.defaults());
    }

    default Mono<CancelOpenCypherQueryResponse> cancelOpenCypherQuery(String queryId) {
        return Mono.defer(() -> cancelOpenCypherQuery(new CancelOpenCypherQueryRequest(queryId)));
    }

    /** {@code DELETE /loader/{loadId}}: cancels a bulk-loader job. Send it to the writer, not a read replica. */
    Mono<CancelLoaderJobResponse> cancelLoaderJob(CancelLoaderJobRequest request, CallOptions options);

    default Mono<CancelLoaderJobResponse> cancelLoaderJob(CancelLoaderJobRequest request) {
        return cancelLoaderJob(request, CallOptions.defaults());
    }

    default Mono<CancelLoaderJobResponse> cancelLoaderJob(String loadId) {
        return Mono.defer(() -> cancelLoaderJob(new CancelLoaderJobRequest(loadId)));
    }

    /** {@code GET /opencypher/status/{queryId}}: reads a running openCypher query's status. */
    Mono<GetOpenCypherQueryStatusResponse> getOpenCypherQueryStatus(GetOpenCypherQueryStatusRequest request, CallOptions options);

    default Mono<GetOpenCypherQueryStatusResponse> getOpenCypherQueryStatus(GetOpenCypherQueryStatusRequest request) {
        return getOpenCypherQueryStatus(request, CallOptions.defaults());
    }

    default Mono<GetOpenCypherQueryStatusResponse> getOpenCypherQueryStatus(String queryId) {
        return Mono.defer(() -> getOpenCypherQueryStatus(new GetOpenCypherQueryStatusRequest(queryId)));
    }

    /**
     * {@code GET /gremlin/status/{queryId}}: reads a Gremlin query's status on the instance that answers. A query that
     * finished, or runs on another instance, answers 400 {@code InvalidParameterException}.
     */
    Mono<GetGremlinQueryStatusResponse> getGremlinQueryStatus(GetGremlinQueryStatusRequest request, CallOptions options);

    default Mono<GetGremlinQueryStatusResponse> getGremlinQueryStatus(GetGremlinQueryStatusRequest request) {
        return getGremlinQueryStatus(request, CallOptions.defaults());
    }

    default Mono<GetGremlinQueryStatusResponse> getGremlinQueryStatus(String queryId) {
        return Mono.defer(() -> getGremlinQueryStatus(new GetGremlinQueryStatusRequest(queryId)));
    }

    /** {@code GET /gremlin/status[?includeWaiting=...]}: lists the Gremlin queries of the instance that answers. */
    Mono<ListGremlinQueriesResponse> listGremlinQueries(ListGremlinQueriesRequest request, CallOptions options);

    default Mono<ListGremlinQueriesResponse> listGremlinQueries(ListGremlinQueriesRequest request) {
        return listGremlinQueries(request, CallOptions.defaults());
    }

    /** {@code GET /opencypher/status[?includeWaiting=...]}: lists the openCypher queries of the instance that answers. */
    Mono<ListOpenCypherQueriesResponse> listOpenCypherQueries(ListOpenCypherQueriesRequest request, CallOptions options);

    default Mono<ListOpenCypherQueriesResponse> listOpenCypherQueries(ListOpenCypherQueriesRequest request) {
        return listOpenCypherQueries(request, CallOptions.defaults());
    }

    /** {@code GET /status}: the answering instance's status, role ({@code writer} or {@code reader}) and settings. */
    Mono<GetEngineStatusResponse> getEngineStatus(CallOptions options);

    default Mono<GetEngineStatusResponse> getEngineStatus() {
        return getEngineStatus(CallOptions.defaults());
    }

    /** {@code GET /loader[?limit=...&includeQueuedLoads=...]}: the ids of the last loader jobs (ids only). */
    Mono<ListLoaderJobsResponse> listLoaderJobs(ListLoaderJobsRequest request, CallOptions options);

    default Mono<ListLoaderJobsResponse> listLoaderJobs(ListLoaderJobsRequest request) {
        return listLoaderJobs(request, CallOptions.defaults());
    }

    /** {@code GET /loader/{loadId}[?details=...&errors=...&page=...&errorsPerPage=...]}: a loader job's status. */
    Mono<GetLoaderJobStatusResponse> getLoaderJobStatus(GetLoaderJobStatusRequest request, CallOptions options);

    default Mono<GetLoaderJobStatusResponse> getLoaderJobStatus(GetLoaderJobStatusRequest request) {
        return getLoaderJobStatus(request, CallOptions.defaults());
    }

    default Mono<GetLoaderJobStatusResponse> getLoaderJobStatus(String loadId) {
        return Mono.defer(() -> getLoaderJobStatus(new GetLoaderJobStatusRequest(loadId)));
    }

    /** Cancels many Gremlin queries, one outcome per id; see {@link BulkCancel}. */
    default Flux<CancelOutcome<CancelGremlinQueryResponse>> cancelGremlinQueries(Publisher<String> queryIds,
                                                                                 BulkOptions options) {
        return BulkCancel.ids(queryIds, (id, call) -> cancelGremlinQuery(new CancelGremlinQueryRequest(id), call),
            NeptuneDataErrors::isNotRunning, options);
    }

    /**
     * Cancels many openCypher queries, one outcome per id; see {@link BulkCancel}.
     *
     * @param silent the {@code silent} parameter for every cancel, or {@code null} to leave it out
     */
    default Flux<CancelOutcome<CancelOpenCypherQueryResponse>> cancelOpenCypherQueries(Publisher<String> queryIds,
                                                                                       Boolean silent,
                                                                                       BulkOptions options) {
        return BulkCancel.ids(queryIds,
            (id, call) -> cancelOpenCypherQuery(new CancelOpenCypherQueryRequest(id, silent), call),
            NeptuneDataErrors::isNotRunning, options);
    }

    /** Cancels many openCypher queries given as requests, one outcome per request; see {@link BulkCancel}. */
    default Flux<CancelOutcome<CancelOpenCypherQueryResponse>> cancelOpenCypherQueryRequests(
        Publisher<CancelOpenCypherQueryRequest> requests, BulkOptions options) {
        return BulkCancel.run(requests, CancelOpenCypherQueryRequest::queryId, this::cancelOpenCypherQuery,
            NeptuneDataErrors::isNotRunning, options);
    }

    /** Cancels many loader jobs, one outcome per id; see {@link BulkCancel}. */
    default Flux<CancelOutcome<CancelLoaderJobResponse>> cancelLoaderJobs(Publisher<String> loadIds,
                                                                          BulkOptions options) {
        return BulkCancel.ids(loadIds, (id, call) -> cancelLoaderJob(new CancelLoaderJobRequest(id), call),
            NeptuneDataErrors::isLoaderJobNotFound, options);
    }

    /** The region requests are signed for. */
    String region();

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

    /** Builds a {@link NeptuneDataClient}. The endpoint is required. */
    final class Builder extends ClientBuilder<Builder, NeptuneDataClient> {

        /** {@code <anything>.<region>.neptune.amazonaws.com[.cn]}: the region in the name is the signing region. */
        private static final Pattern NEPTUNE_HOST =
            Pattern.compile(".*\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.neptune\\.amazonaws\\.com(?:\\.cn)?");

        private String endpoint;

        Builder() {
        }

        /**
         * The cluster or instance endpoint, e.g. {@code https://my-cluster.cluster-abc.us-east-1.neptune.amazonaws.com:8182}.
         * {@code http://} works too (emulators, tunnels); a path is kept in front of every operation's path.
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        @Override
        public NeptuneDataClient build() {
            Endpoint parsed = Endpoint.parse(endpoint);
            Matcher neptuneHost = NEPTUNE_HOST.matcher(parsed.host());
            String regionInHost = neptuneHost.matches() ? neptuneHost.group(1) : null;
            return new DefaultNeptuneDataClient(TransportFactory.create(settings(regionInHost),
                NeptuneDataExceptionFactory.INSTANCE, "neptune-db", parsed));
        }
    }
}
