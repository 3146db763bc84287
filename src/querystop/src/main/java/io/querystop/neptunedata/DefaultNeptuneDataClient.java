package io.querystop.neptunedata;

import io.querystop.InvalidInputException;
import io.netty.handler.codec.http.HttpMethod;
import io.querystop.CallOptions;
import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.TransportClient;
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

    private static CallOptions options(CallOptions options) {
        return options == null ? CallOptions.defaults() : options;
    }

    private static <T> Mono<T> nullRequest() {
        return Mono.error(new InvalidInputException("request", "must not be null"));
    }
}
