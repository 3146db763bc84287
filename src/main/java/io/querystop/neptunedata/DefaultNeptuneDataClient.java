package io.querystop.neptunedata;

import io.netty.handler.codec.http.HttpMethod;
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
    public Mono<CancelGremlinQueryResponse> cancelGremlinQuery(CancelGremlinQueryRequest request) {
        return request == null ? nullRequest() : transport.exchange(
            OperationRequest.rest("CancelGremlinQuery", HttpMethod.DELETE,
                "/gremlin/status/" + encodeSegment(request.queryId())),
            NeptuneDataResponses::cancelGremlinQuery);
    }

    @Override
    public Mono<CancelOpenCypherQueryResponse> cancelOpenCypherQuery(CancelOpenCypherQueryRequest request) {
        if (request == null) {
            return nullRequest();
        }
        String path = "/opencypher/status/" + encodeSegment(request.queryId());
        OperationRequest op = request.silent() == null
            ? OperationRequest.rest("CancelOpenCypherQuery", HttpMethod.DELETE, path)
            : OperationRequest.rest("CancelOpenCypherQuery", HttpMethod.DELETE, path, "silent",
                request.silent().toString());
        return transport.exchange(op, NeptuneDataResponses::cancelOpenCypherQuery);
    }

    @Override
    public Mono<CancelLoaderJobResponse> cancelLoaderJob(CancelLoaderJobRequest request) {
        return request == null ? nullRequest() : transport.exchange(
            OperationRequest.rest("CancelLoaderJob", HttpMethod.DELETE, "/loader/" + encodeSegment(request.loadId())),
            NeptuneDataResponses::cancelLoaderJob);
    }

    @Override
    public Mono<GetOpenCypherQueryStatusResponse> getOpenCypherQueryStatus(GetOpenCypherQueryStatusRequest request) {
        return request == null ? nullRequest() : transport.exchange(
            OperationRequest.rest("GetOpenCypherQueryStatus", HttpMethod.GET,
                "/opencypher/status/" + encodeSegment(request.queryId())),
            NeptuneDataResponses::getOpenCypherQueryStatus);
    }

    private static <T> Mono<T> nullRequest() {
        return Mono.error(new java.lang.IllegalArgumentException("request must not be null"));
    }
}
