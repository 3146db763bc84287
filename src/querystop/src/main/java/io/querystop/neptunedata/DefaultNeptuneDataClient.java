package io.querystop.neptunedata;

import io.micrometer.core.instrument.Tags;
import io.querystop.InvalidInputException;
import io.netty.handler.codec.http.HttpMethod;
import io.querystop.CallOptions;
import io.querystop.bulk.BulkMeters;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.TransportClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static io.querystop.internal.http.UriEncoding.encodeSegment;

/**
 * The client's methods build an {@link OperationRequest}; the transport does the rest. The bulk methods are the
 * interface's, metered when the client has a meter registry.
 */
final class DefaultNeptuneDataClient extends TransportClient implements NeptuneDataClient {

    private final BulkMeters bulkMeters; // null without a meter registry: then no Micrometer class is loaded

    DefaultNeptuneDataClient(HttpTransport transport) {
        super("NeptuneDataClient", transport);
        this.bulkMeters = transport.observability() != null && transport.observability().meterRegistry() != null
            ? BulkMeters.create(transport.observability().meterRegistry(),
                Tags.of("service", "neptunedata", "server.address", transport.endpoint().hostHeader()))
            : null;
    }

    @Override
    public Flux<CancelOutcome<CancelGremlinQueryResponse>> cancelGremlinQueries(Publisher<String> queryIds,
                                                                                BulkOptions options) {
        return bulk(options, metered -> NeptuneDataClient.super.cancelGremlinQueries(queryIds, metered));
    }

    @Override
    public Flux<CancelOutcome<CancelOpenCypherQueryResponse>> cancelOpenCypherQueries(Publisher<String> queryIds,
                                                                                      Boolean silent,
                                                                                      BulkOptions options) {
        return bulk(options, metered -> NeptuneDataClient.super.cancelOpenCypherQueries(queryIds, silent, metered));
    }

    @Override
    public Flux<CancelOutcome<CancelOpenCypherQueryResponse>> cancelOpenCypherQueryRequests(
        Publisher<CancelOpenCypherQueryRequest> requests, BulkOptions options) {
        return bulk(options, metered -> NeptuneDataClient.super.cancelOpenCypherQueryRequests(requests, metered));
    }

    @Override
    public Flux<CancelOutcome<CancelLoaderJobResponse>> cancelLoaderJobs(Publisher<String> loadIds,
                                                                         BulkOptions options) {
        return bulk(options, metered -> NeptuneDataClient.super.cancelLoaderJobs(loadIds, metered));
    }

    private <R> Flux<CancelOutcome<R>> bulk(BulkOptions options, Function<BulkOptions, Flux<CancelOutcome<R>>> run) {
        return bulkMeters == null || options == null ? run.apply(options) : bulkMeters.record(options, run);
    }

    @Override
    public Mono<CancelGremlinQueryResponse> cancelGremlinQuery(CancelGremlinQueryRequest request, CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::cancelGremlinQuery, options(options));
    }

    @Override
    public Mono<CancelOpenCypherQueryResponse> cancelOpenCypherQuery(CancelOpenCypherQueryRequest request, CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::cancelOpenCypherQuery, options(options));
    }

    @Override
    public Mono<CancelLoaderJobResponse> cancelLoaderJob(CancelLoaderJobRequest request, CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::cancelLoaderJob, options(options));
    }

    @Override
    public Mono<GetOpenCypherQueryStatusResponse> getOpenCypherQueryStatus(GetOpenCypherQueryStatusRequest request, CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::getOpenCypherQueryStatus, options(options));
    }

    @Override
    public Mono<GetGremlinQueryStatusResponse> getGremlinQueryStatus(GetGremlinQueryStatusRequest request, CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::getGremlinQueryStatus, options(options));
    }

    @Override
    public Mono<ListGremlinQueriesResponse> listGremlinQueries(ListGremlinQueriesRequest request, CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::listGremlinQueries, options(options));
    }

    @Override
    public Mono<ListOpenCypherQueriesResponse> listOpenCypherQueries(ListOpenCypherQueriesRequest request,
                                                                     CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::listOpenCypherQueries, options(options));
    }

    @Override
    public Mono<GetEngineStatusResponse> getEngineStatus(CallOptions options) {
        return transport.exchange(GET_ENGINE_STATUS, NeptuneDataResponses::getEngineStatus, options(options));
    }

    @Override
    public Mono<ListLoaderJobsResponse> listLoaderJobs(ListLoaderJobsRequest request, CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::listLoaderJobs, options(options));
    }

    @Override
    public Mono<GetLoaderJobStatusResponse> getLoaderJobStatus(GetLoaderJobStatusRequest request, CallOptions options) {
        return request == null ? nullRequest()
            : transport.exchange(operation(request), NeptuneDataResponses::getLoaderJobStatus, options(options));
    }

    static OperationRequest operation(CancelGremlinQueryRequest request) {
        return OperationRequest.rest("CancelGremlinQuery", HttpMethod.DELETE,
            "/gremlin/status/" + encodeSegment(request.queryId())).withResourceId(request.queryId());
    }

    static OperationRequest operation(CancelOpenCypherQueryRequest request) {
        String path = "/opencypher/status/" + encodeSegment(request.queryId());
        return (request.silent() == null
            ? OperationRequest.rest("CancelOpenCypherQuery", HttpMethod.DELETE, path)
            : OperationRequest.rest("CancelOpenCypherQuery", HttpMethod.DELETE, path, "silent",
                request.silent().toString())).withResourceId(request.queryId());
    }

    static OperationRequest operation(CancelLoaderJobRequest request) {
        return OperationRequest.rest("CancelLoaderJob", HttpMethod.DELETE, "/loader/" + encodeSegment(request.loadId()))
            .withResourceId(request.loadId());
    }

    static OperationRequest operation(GetOpenCypherQueryStatusRequest request) {
        return OperationRequest.rest("GetOpenCypherQueryStatus", HttpMethod.GET,
            "/opencypher/status/" + encodeSegment(request.queryId())).withResourceId(request.queryId());
    }

    static final OperationRequest GET_ENGINE_STATUS = OperationRequest.rest("GetEngineStatus", HttpMethod.GET, "/status");

    static OperationRequest operation(GetGremlinQueryStatusRequest request) {
        return OperationRequest.rest("GetGremlinQueryStatus", HttpMethod.GET,
            "/gremlin/status/" + encodeSegment(request.queryId())).withResourceId(request.queryId());
    }

    static OperationRequest operation(ListGremlinQueriesRequest request) {
        return OperationRequest.rest("ListGremlinQueries", HttpMethod.GET, "/gremlin/status",
            query("includeWaiting", request.includeWaiting()));
    }

    static OperationRequest operation(ListOpenCypherQueriesRequest request) {
        return OperationRequest.rest("ListOpenCypherQueries", HttpMethod.GET, "/opencypher/status",
            query("includeWaiting", request.includeWaiting()));
    }

    static OperationRequest operation(ListLoaderJobsRequest request) {
        return OperationRequest.rest("ListLoaderJobs", HttpMethod.GET, "/loader",
            query("limit", request.limit(), "includeQueuedLoads", request.includeQueuedLoads()));
    }

    static OperationRequest operation(GetLoaderJobStatusRequest request) {
        return OperationRequest.rest("GetLoaderJobStatus", HttpMethod.GET, "/loader/" + encodeSegment(request.loadId()),
            query("details", request.details(), "errors", request.errors(), "page", request.page(),
                "errorsPerPage", request.errorsPerPage())).withResourceId(request.loadId());
    }

    /** Query parameters as name, value, ... for the members that are set, in the model's order. */
    private static String[] query(Object... namesAndValues) {
        List<String> query = new ArrayList<>(namesAndValues.length);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.add((String) namesAndValues[i]);
                query.add(namesAndValues[i + 1].toString());
            }
        }
        return query.toArray(new String[0]);
    }

    private static CallOptions options(CallOptions options) {
        return options == null ? CallOptions.defaults() : options;
    }

    private static <T> Mono<T> nullRequest() {
        return Mono.error(new InvalidInputException("request", "must not be null"));
    }
}
