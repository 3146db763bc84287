package io.querystop.neptunedata;

import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.ResponseMapper;

/**
 * This package's request building and response reading, reached from the benchmarks so that each layer can be
 * measured alone. It shares the library's package name and lives on the benchmarks' classpath only.
 */
public final class NeptuneDataLayers {

    public static final ResponseMapper<CancelGremlinQueryResponse> CANCEL_GREMLIN_QUERY =
        NeptuneDataResponses::cancelGremlinQuery;
    public static final ResponseMapper<CancelOpenCypherQueryResponse> CANCEL_OPEN_CYPHER_QUERY =
        NeptuneDataResponses::cancelOpenCypherQuery;
    public static final ResponseMapper<CancelLoaderJobResponse> CANCEL_LOADER_JOB =
        NeptuneDataResponses::cancelLoaderJob;
    public static final ResponseMapper<GetOpenCypherQueryStatusResponse> GET_OPEN_CYPHER_QUERY_STATUS =
        NeptuneDataResponses::getOpenCypherQueryStatus;

    private NeptuneDataLayers() {
    }

    public static HttpTransport transport(NeptuneDataClient client) {
        return ((DefaultNeptuneDataClient) client).transport();
    }

    /** The request record (validated) and what the client makes of it, as {@code cancelGremlinQuery} does. */
    public static OperationRequest cancelGremlinQuery(String queryId) {
        return DefaultNeptuneDataClient.operation(new CancelGremlinQueryRequest(queryId));
    }

    public static OperationRequest cancelOpenCypherQuery(String queryId) {
        return DefaultNeptuneDataClient.operation(new CancelOpenCypherQueryRequest(queryId));
    }

    public static OperationRequest cancelLoaderJob(String loadId) {
        return DefaultNeptuneDataClient.operation(new CancelLoaderJobRequest(loadId));
    }

    public static OperationRequest getOpenCypherQueryStatus(String queryId) {
        return DefaultNeptuneDataClient.operation(new GetOpenCypherQueryStatusRequest(queryId));
    }
}
