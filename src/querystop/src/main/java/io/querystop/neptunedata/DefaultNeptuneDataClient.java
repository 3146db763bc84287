package io.querystop.neptunedata;

import io.querystop.InvalidInputException;
import io.netty.handler.codec.http.HttpMethod;
import io.querystop.CallOptions;
import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.TransportClient;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

import static io.querystop.internal.http.UriEncoding.encodeSegment;

/** The client's methods build an {@link OperationRequest}; the transport does the rest. */
final class DefaultNeptuneDataClient extends TransportClient implements NeptuneDataClient {

    DefaultNeptuneDataClient(HttpTransport transport) {
        super("NeptuneDataClient", transport);
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
            "/gremlin/status/" + encodeSegment(request.queryId()));
    }

    static OperationRequest operation(CancelOpenCypherQueryRequest request) {
        String path = "/opencypher/status/" + encodeSegment(request.queryId());
        return request.silent() == null
            ? OperationRequest.rest("CancelOpenCypherQuery", HttpMethod.DELETE, path)
            : OperationRequest.rest("CancelOpenCypherQuery", HttpMethod.DELETE, path, "silent",
                request.silent().toString());
    }

    static OperationRequest operation(CancelLoaderJobRequest request) {
        return OperationRequest.rest("CancelLoaderJob", HttpMethod.DELETE, "/loader/" + encodeSegment(request.loadId()));
    }

    static OperationRequest operation(GetOpenCypherQueryStatusRequest request) {
        return OperationRequest.rest("GetOpenCypherQueryStatus", HttpMethod.GET,
            "/opencypher/status/" + encodeSegment(request.queryId()));
    }

    static final OperationRequest GET_ENGINE_STATUS = OperationRequest.rest("GetEngineStatus", HttpMethod.GET, "/status");

    static OperationRequest operation(GetGremlinQueryStatusRequest request) {
        return OperationRequest.rest("GetGremlinQueryStatus", HttpMethod.GET,
            "/gremlin/status/" + encodeSegment(request.queryId()));
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
                "errorsPerPage", request.errorsPerPage()));
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
