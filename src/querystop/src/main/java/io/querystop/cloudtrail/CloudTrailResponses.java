package io.querystop.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.internal.json.JsonMembers;

/** Reads CloudTrail's success bodies (AWS JSON 1.1) into the response records. Unknown members are skipped. */
final class CloudTrailResponses {

    private CloudTrailResponses() {
    }

    static CancelQueryResponse cancelQuery(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new CancelQueryResponse(JsonMembers.text(json, "QueryId"), status(json),
            JsonMembers.text(json, "EventDataStoreOwnerAccountId"));
    }

    static ListQueriesResponse listQueries(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new ListQueriesResponse(JsonMembers.list(json, "Queries", item -> {
            JsonNode query = JsonMembers.object("Queries[]", item);
            return query == null ? null : new Query(JsonMembers.text(query, "QueryId"), status(query),
                JsonMembers.epochSeconds(query, "CreationTime"));
        }), JsonMembers.text(json, "NextToken"));
    }

    static DescribeQueryResponse describeQuery(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        JsonNode stats = JsonMembers.child(json, "QueryStatistics");
        return new DescribeQueryResponse(
            JsonMembers.text(json, "QueryId"),
            JsonMembers.text(json, "QueryString"),
            status(json),
            stats == null ? null : new QueryStatisticsForDescribeQuery(
                JsonMembers.longInteger(stats, "EventsMatched"),
                JsonMembers.longInteger(stats, "EventsScanned"),
                JsonMembers.longInteger(stats, "BytesScanned"),
                JsonMembers.integer(stats, "ExecutionTimeInMillis"),
                JsonMembers.epochSeconds(stats, "CreationTime")),
            JsonMembers.text(json, "ErrorMessage"),
            JsonMembers.text(json, "DeliveryS3Uri"),
            JsonMembers.text(json, "DeliveryStatus"),
            JsonMembers.text(json, "Prompt"),
            JsonMembers.text(json, "EventDataStoreOwnerAccountId"));
    }

    static ListEventDataStoresResponse listEventDataStores(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new ListEventDataStoresResponse(JsonMembers.list(json, "EventDataStores", item -> {
            JsonNode store = JsonMembers.object("EventDataStores[]", item);
            return store == null ? null : new EventDataStore(
                JsonMembers.text(store, "EventDataStoreArn"),
                JsonMembers.text(store, "Name"),
                JsonMembers.bool(store, "TerminationProtectionEnabled"),
                JsonMembers.text(store, "Status"),
                JsonMembers.bool(store, "MultiRegionEnabled"),
                JsonMembers.bool(store, "OrganizationEnabled"),
                JsonMembers.integer(store, "RetentionPeriod"),
                JsonMembers.epochSeconds(store, "CreatedTimestamp"),
                JsonMembers.epochSeconds(store, "UpdatedTimestamp"));
        }), JsonMembers.text(json, "NextToken"));
    }

    private static QueryStatus status(JsonNode json) {
        String status = JsonMembers.text(json, "QueryStatus");
        return status == null ? null : QueryStatus.of(status);
    }
}
