package io.querystop.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.AwsServiceException;
import io.querystop.QuerystopException;
import io.querystop.cloudtrail.CancelQueryResponse;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.CancelLoaderJobResponse;
import io.querystop.neptunedata.CancelOpenCypherQueryResponse;
import io.querystop.neptunedata.GetOpenCypherQueryStatusResponse;
import io.querystop.neptunedata.QueryEvalStats;

/** Responses and errors as JSON with the AWS member names, as the AWS CLI prints them. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Four-space indent and {@code "name": value}, as the AWS CLI prints. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("    ", "\n"))
        .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));

    private Json() {
    }

    static String pretty(ObjectNode node) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode response(Object response) {
        ObjectNode json = MAPPER.createObjectNode();
        if (response instanceof CancelGremlinQueryResponse r) {
            putIfSet(json, "status", r.status());
        } else if (response instanceof CancelOpenCypherQueryResponse r) {
            putIfSet(json, "status", r.status());
            if (r.payload() != null) {
                json.put("payload", r.payload());
            }
        } else if (response instanceof CancelLoaderJobResponse r) {
            putIfSet(json, "status", r.status());
        } else if (response instanceof GetOpenCypherQueryStatusResponse r) {
            putIfSet(json, "queryId", r.queryId());
            putIfSet(json, "queryString", r.queryString());
            QueryEvalStats stats = r.queryEvalStats();
            if (stats != null) {
                ObjectNode evalStats = json.putObject("queryEvalStats");
                if (stats.waited() != null) {
                    evalStats.put("waited", stats.waited());
                }
                if (stats.elapsed() != null) {
                    evalStats.put("elapsed", stats.elapsed());
                }
                if (stats.cancelled() != null) {
                    evalStats.put("cancelled", stats.cancelled());
                }
                if (stats.subqueries() != null) {
                    evalStats.set("subqueries", MAPPER.valueToTree(stats.subqueries()));
                }
            }
        } else if (response instanceof CancelQueryResponse r) {
            putIfSet(json, "QueryId", r.queryId());
            putIfSet(json, "QueryStatus", r.queryStatus() == null ? null : r.queryStatus().value());
            putIfSet(json, "EventDataStoreOwnerAccountId", r.eventDataStoreOwnerAccountId());
        } else if (response != null) {
            return RecordJson.of(response);
        }
        return json;
    }

    /** {@code {"code", "message", "status", "attempts"}}, members known for the error. */
    static ObjectNode error(Throwable error) {
        ObjectNode json = MAPPER.createObjectNode();
        if (error instanceof AwsServiceException service) {
            putIfSet(json, "code", service.errorCode());
            putIfSet(json, "message", service.errorMessage());
            json.put("status", service.statusCode());
        } else {
            json.put("code", error.getClass().getSimpleName());
            putIfSet(json, "message", error.getMessage());
        }
        if (error instanceof QuerystopException q && q.attempts() > 0) {
            json.put("attempts", q.attempts());
        }
        return json;
    }

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
