package io.querystop.cloudtrail;

import io.micrometer.core.instrument.Tags;
import io.querystop.CallOptions;
import io.querystop.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.bulk.BulkMeters;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.TransportClient;
import io.querystop.internal.json.JsonMembers;
import io.querystop.internal.json.JsonWriter;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds the AWS JSON 1.1 request; the transport does the rest. The bulk methods are the interface's, metered when the
 * client has a meter registry.
 */
final class DefaultCloudTrailClient extends TransportClient implements CloudTrailClient {

    static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final BulkMeters bulkMeters; // null without a meter registry: then no Micrometer class is loaded

    DefaultCloudTrailClient(HttpTransport transport) {
        super("CloudTrailClient", transport);
        this.bulkMeters = transport.observability() != null && transport.observability().meterRegistry() != null
            ? BulkMeters.create(transport.observability().meterRegistry(),
                Tags.of("service", "cloudtrail", "server.address", transport.endpoint().hostHeader()))
            : null;
    }

    @Override
    public Flux<CancelOutcome<CancelQueryResponse>> cancelQueries(Publisher<String> queryIds, String eventDataStore,
                                                                  String ownerAccountId, BulkOptions options) {
        return bulk(options, metered -> CloudTrailClient.super.cancelQueries(queryIds, eventDataStore, ownerAccountId,
            metered));
    }

    @Override
    public Flux<CancelOutcome<CancelQueryResponse>> cancelQueryRequests(Publisher<CancelQueryRequest> requests,
                                                                        BulkOptions options) {
        return bulk(options, metered -> CloudTrailClient.super.cancelQueryRequests(requests, metered));
    }

    private <R> Flux<CancelOutcome<R>> bulk(BulkOptions options, Function<BulkOptions, Flux<CancelOutcome<R>>> run) {
        return bulkMeters == null || options == null ? run.apply(options) : bulkMeters.record(options, run);
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
        return OperationRequest.awsJson("CancelQuery", TARGET_PREFIX + "CancelQuery", CONTENT_TYPE, body)
            .withResourceId(request.queryId());
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
