package io.querystop.cloudtrail;

import io.querystop.CallOptions;
import io.querystop.InvalidInputException;
import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.ResponseMapper;
import io.querystop.internal.http.TransportClient;
import io.querystop.internal.json.JsonWriter;
import reactor.core.publisher.Mono;

/** Builds the AWS JSON 1.1 requests; the transport does the rest. */
final class DefaultCloudTrailClient extends TransportClient implements CloudTrailClient {

    static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    DefaultCloudTrailClient(HttpTransport transport) {
        super("CloudTrailClient", transport);
    }

    @Override
    public Mono<CancelQueryResponse> cancelQuery(CancelQueryRequest request, CallOptions options) {
        return request == null ? nullRequest() : call(operation(request), CloudTrailResponses::cancelQuery, options);
    }

    @Override
    public Mono<ListQueriesResponse> listQueries(ListQueriesRequest request, CallOptions options) {
        return request == null ? nullRequest() : call(operation(request), CloudTrailResponses::listQueries, options);
    }

    @Override
    public Mono<DescribeQueryResponse> describeQuery(DescribeQueryRequest request, CallOptions options) {
        return request == null ? nullRequest() : call(operation(request), CloudTrailResponses::describeQuery, options);
    }

    @Override
    public Mono<ListEventDataStoresResponse> listEventDataStores(ListEventDataStoresRequest request,
                                                                 CallOptions options) {
        return request == null ? nullRequest()
            : call(operation(request), CloudTrailResponses::listEventDataStores, options);
    }

    static OperationRequest operation(CancelQueryRequest request) {
        return awsJson("CancelQuery", new JsonWriter()
            .member("EventDataStore", request.eventDataStore())
            .member("QueryId", request.queryId())
            .member("EventDataStoreOwnerAccountId", request.eventDataStoreOwnerAccountId()));
    }

    static OperationRequest operation(ListQueriesRequest request) {
        return awsJson("ListQueries", new JsonWriter()
            .member("EventDataStore", request.eventDataStore())
            .member("NextToken", request.nextToken())
            .number("MaxResults", request.maxResults())
            .epochSeconds("StartTime", request.startTime())
            .epochSeconds("EndTime", request.endTime())
            .member("QueryStatus", request.queryStatus() == null ? null : request.queryStatus().value()));
    }

    static OperationRequest operation(DescribeQueryRequest request) {
        return awsJson("DescribeQuery", new JsonWriter()
            .member("EventDataStore", request.eventDataStore())
            .member("QueryId", request.queryId())
            .member("QueryAlias", request.queryAlias())
            .member("RefreshId", request.refreshId())
            .member("EventDataStoreOwnerAccountId", request.eventDataStoreOwnerAccountId()));
    }

    static OperationRequest operation(ListEventDataStoresRequest request) {
        return awsJson("ListEventDataStores", new JsonWriter()
            .member("NextToken", request.nextToken())
            .number("MaxResults", request.maxResults()));
    }

    private static OperationRequest awsJson(String operation, JsonWriter body) {
        return OperationRequest.awsJson(operation, TARGET_PREFIX + operation, CONTENT_TYPE, body.toUtf8());
    }

    private <T> Mono<T> call(OperationRequest operation, ResponseMapper<T> mapper, CallOptions options) {
        return transport.exchange(operation, mapper, options == null ? CallOptions.defaults() : options);
    }

    private static <T> Mono<T> nullRequest() {
        return Mono.error(new InvalidInputException("request", "must not be null"));
    }

    @Override
    public String endpoint() {
        return transport.endpoint().baseUrl();
    }
}
