package io.querystop.cloudtrail;

import io.querystop.CallOptions;
import io.querystop.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.TransportClient;
import io.querystop.internal.json.JsonMembers;
import io.querystop.internal.json.JsonWriter;
import reactor.core.publisher.Mono;

/** Builds the AWS JSON 1.1 request; the transport does the rest. */
final class DefaultCloudTrailClient extends TransportClient implements CloudTrailClient {

    static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    DefaultCloudTrailClient(HttpTransport transport) {
        super("CloudTrailClient", transport);
    }

    @Override
    public Mono<CancelQueryResponse> cancelQuery(CancelQueryRequest request, CallOptions options) {
        if (request == null) {
            return Mono.error(new InvalidInputException("request", "must not be null"));
        }
        return transport.exchange(operation(request), DefaultCloudTrailClient::cancelQueryResponse,
            options == null ? CallOptions.defaults() : options);
    }

    static OperationRequest operation(CancelQueryRequest request) {
        byte[] body = new JsonWriter()
            .member("EventDataStore", request.eventDataStore())
            .member("QueryId", request.queryId())
            .member("EventDataStoreOwnerAccountId", request.eventDataStoreOwnerAccountId())
            .toUtf8();
        return OperationRequest.awsJson("CancelQuery", TARGET_PREFIX + "CancelQuery", CONTENT_TYPE, body);
    }

    static CancelQueryResponse cancelQueryResponse(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        String status = JsonMembers.text(json, "QueryStatus");
        return new CancelQueryResponse(JsonMembers.text(json, "QueryId"),
            status == null ? null : QueryStatus.of(status),
            JsonMembers.text(json, "EventDataStoreOwnerAccountId"));
    }

    @Override
    public String endpoint() {
        return transport.endpoint().baseUrl();
    }
}
