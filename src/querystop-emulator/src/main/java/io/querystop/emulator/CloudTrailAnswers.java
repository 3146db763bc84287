package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.emulator.ServiceAnswers.Answer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** CloudTrail Lake's answers (AWS JSON 1.1): CancelQuery, ListQueries, DescribeQuery, ListEventDataStores. */
final class CloudTrailAnswers {

    private static final Set<String> STATUSES = Set.of("QUEUED", "RUNNING", "FINISHED", "FAILED", "CANCELLED",
        "TIMED_OUT");
    private static final Pattern STORE = Pattern.compile("[a-zA-Z0-9._/\\-:]{3,256}");
    private static final int DEFAULT_PAGE = 1000;

    private final CloudTrailLake lake;

    CloudTrailAnswers(CloudTrailLake lake) {
        this.lake = lake;
    }

    Answer cancel(String id, JsonNode request) {
        if (id == null) {
            return missing("queryId");
        }
        CloudTrailLake.Query query = lake.query(id);
        if (query == null) {
            return notFound(id);
        }
        if (!lake.cancel(query)) {
            return error("InactiveQueryException", "The query " + id + " is in a terminal state and cannot be "
                + "cancelled.");
        }
        ObjectNode body = ServiceAnswers.JSON.createObjectNode().put("QueryId", id).put("QueryStatus", "CANCELLED");
        echoOwner(request, body);
        return ServiceAnswers.cloudTrailSuccess(body);
    }

    Answer describe(String id, JsonNode request) {
        if (id == null) {
            return text(request, "QueryAlias") != null
                ? error("UnsupportedOperationException", "The emulator keeps no query aliases; give a QueryId.")
                : error("InvalidParameterException", "Either QueryId or QueryAlias and RefreshId are required.");
        }
        CloudTrailLake.Query query = lake.query(id);
        if (query == null) {
            return notFound(id);
        }
        Instant now = lake.clock().instant();
        ObjectNode body = ServiceAnswers.JSON.createObjectNode().put("QueryId", id)
            .put("QueryString", query.queryString).put("QueryStatus", query.status);
        body.putObject("QueryStatistics").put("EventsMatched", query.eventsMatched)
            .put("EventsScanned", query.eventsScanned).put("BytesScanned", query.bytesScanned)
            .put("ExecutionTimeInMillis", query.executionMillis(now))
            .set("CreationTime", seconds(query.creationTime));
        if (query.status.equals("FAILED")) {
            body.put("ErrorMessage", "Query failed (emulated)");
        }
        echoOwner(request, body);
        return ServiceAnswers.cloudTrailSuccess(body);
    }

    Answer listQueries(JsonNode request) {
        String storeName = text(request, "EventDataStore");
        if (storeName == null) {
            return missing("eventDataStore");
        }
        if (!STORE.matcher(storeName).matches()) {
            return error("EventDataStoreARNInvalidException", "The specified event data store ARN is not valid or "
                + "does not map to an event data store in your account.");
        }
        String store = lake.store(storeName);
        if (store == null) {
            return error("EventDataStoreNotFoundException", "The specified event data store was not found.");
        }
        Integer max = maxResults(request);
        if (max == null) {
            return error("InvalidMaxResultsException", "MaxResults must be from 1 to 1000.");
        }
        Instant start;
        Instant end;
        try {
            start = time(request, "StartTime");
            end = time(request, "EndTime");
        } catch (IllegalArgumentException e) {
            return error("InvalidParameterException", e.getMessage());
        }
        if (start != null && end != null && start.isAfter(end)) {
            return error("InvalidDateRangeException", "StartTime must be before EndTime.");
        }
        String status = text(request, "QueryStatus");
        if (request != null && request.has("QueryStatus") && (status == null || !STATUSES.contains(status))) {
            return error("InvalidQueryStatusException", "The query status is not valid for the operation.");
        }
        int filters = Objects.hash(store, start, end, status);
        String after = null;
        if (text(request, "NextToken") != null) {
            after = PageToken.decode(text(request, "NextToken"), filters);
            if (after == null) {
                return error("InvalidNextTokenException", "The NextToken is not valid.");
            }
        }
        List<CloudTrailLake.Query> matching = lake.queries(store).stream()
            .filter(query -> start == null || !query.creationTime.isBefore(start))
            .filter(query -> end == null || !query.creationTime.isAfter(end))
            .filter(query -> status == null || query.status.equals(status))
            .toList();
        ObjectNode body = ServiceAnswers.JSON.createObjectNode();
        ArrayNode queries = body.putArray("Queries");
        int from = 0;
        if (after != null) {
            String position = after;
            while (from < matching.size() && !position(matching.get(from)).equals(position)) {
                from++;
            }
            from++; // past the last one shown; a token whose query is gone starts past the end
        }
        int to = Math.min(matching.size(), from + max);
        for (CloudTrailLake.Query query : matching.subList(Math.min(from, to), to)) {
            queries.addObject().put("QueryId", query.id).put("QueryStatus", query.status)
                .set("CreationTime", seconds(query.creationTime));
        }
        if (to < matching.size()) {
            body.put("NextToken", new PageToken(position(matching.get(to - 1)), filters).encode());
        }
        return ServiceAnswers.cloudTrailSuccess(body);
    }

    Answer listEventDataStores(JsonNode request) {
        Integer max = maxResults(request);
        if (max == null) {
            return error("InvalidMaxResultsException", "MaxResults must be from 1 to 1000.");
        }
        List<Map.Entry<String, String>> stores = lake.stores();
        int from = 0;
        String token = text(request, "NextToken");
        if (token != null) {
            String position = PageToken.decode(token, 0);
            try {
                from = position == null ? -1 : Integer.parseInt(position);
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0) {
                return error("InvalidNextTokenException", "The NextToken is not valid.");
            }
        }
        ObjectNode body = ServiceAnswers.JSON.createObjectNode();
        ArrayNode list = body.putArray("EventDataStores");
        int to = Math.min(stores.size(), from + max);
        for (Map.Entry<String, String> store : stores.subList(Math.min(from, to), to)) {
            list.addObject().put("EventDataStoreArn", store.getKey()).put("Name", store.getValue());
        }
        if (to < stores.size()) {
            body.put("NextToken", new PageToken(Integer.toString(to), 0).encode());
        }
        return ServiceAnswers.cloudTrailSuccess(body);
    }

    private static String position(CloudTrailLake.Query query) {
        return query.creationTime.toEpochMilli() + "/" + query.id;
    }

    /** MaxResults within 1..1000, the default when absent, or {@code null} when invalid. */
    private static Integer maxResults(JsonNode request) {
        JsonNode max = request == null ? null : request.get("MaxResults");
        if (max == null || max.isNull()) {
            return DEFAULT_PAGE;
        }
        return max.isIntegralNumber() && max.asLong() >= 1 && max.asLong() <= 1000 ? max.intValue() : null;
    }

    /** A timestamp: epoch seconds as a JSON number, as AWS JSON 1.1 sends it. */
    private static Instant time(JsonNode request, String name) {
        JsonNode value = request == null ? null : request.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a timestamp (epoch seconds).");
        }
        return Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue());
    }

    /** Epoch seconds as a JSON number: whole seconds as an integer, else with milliseconds. */
    private static JsonNode seconds(Instant instant) {
        long millis = instant.toEpochMilli();
        return millis % 1000 == 0 ? ServiceAnswers.JSON.getNodeFactory().numberNode(millis / 1000)
            : ServiceAnswers.JSON.getNodeFactory().numberNode(BigDecimal.valueOf(millis, 3));
    }

    private static void echoOwner(JsonNode request, ObjectNode body) {
        String owner = text(request, "EventDataStoreOwnerAccountId");
        if (owner != null) {
            body.put("EventDataStoreOwnerAccountId", owner);
        }
    }

    private static String text(JsonNode request, String name) {
        JsonNode value = request == null ? null : request.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Answer notFound(String id) {
        return error("QueryIdNotFoundException", "The query ID " + id + " does not exist or is not in the account.");
    }

    private static Answer missing(String member) {
        return error("InvalidParameterException", "1 validation error detected: Value null at '" + member
            + "' failed to satisfy constraint: Member must not be null");
    }

    private static Answer error(String code, String message) {
        return ServiceAnswers.cloudTrailError(400, code, message);
    }
}
