package io.querystop.cloudtrail;

import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.ResponseMapper;

/**
 * This package's request building and response reading, reached from the benchmarks so that each layer can be
 * measured alone. It shares the library's package name and lives on the benchmarks' classpath only.
 */
public final class CloudTrailLayers {

    public static final ResponseMapper<CancelQueryResponse> CANCEL_QUERY = DefaultCloudTrailClient::cancelQueryResponse;

    private CloudTrailLayers() {
    }

    public static HttpTransport transport(CloudTrailClient client) {
        return ((DefaultCloudTrailClient) client).transport();
    }

    /** The request record (validated) and the JSON body the client builds from it, as {@code cancelQuery} does. */
    public static OperationRequest cancelQuery(String queryId) {
        return DefaultCloudTrailClient.operation(new CancelQueryRequest(queryId, "my-event-data-store", null));
    }
}
