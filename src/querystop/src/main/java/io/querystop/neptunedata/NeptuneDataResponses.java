package io.querystop.neptunedata;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.internal.json.JsonMembers;
import io.querystop.internal.json.PlainValues;

/** Reads Neptune's success bodies into the response records. Unknown members are skipped. */
final class NeptuneDataResponses {

    private NeptuneDataResponses() {
    }

    static CancelGremlinQueryResponse cancelGremlinQuery(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new CancelGremlinQueryResponse(JsonMembers.text(json, "status"));
    }

    static CancelOpenCypherQueryResponse cancelOpenCypherQuery(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new CancelOpenCypherQueryResponse(JsonMembers.text(json, "status"), JsonMembers.bool(json, "payload"));
    }

    static CancelLoaderJobResponse cancelLoaderJob(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new CancelLoaderJobResponse(JsonMembers.text(json, "status"));
    }

    static GetOpenCypherQueryStatusResponse getOpenCypherQueryStatus(JsonNode body) {
        GremlinQueryStatus status = queryStatus(JsonMembers.object("response", body));
        return status == null ? new GetOpenCypherQueryStatusResponse(null, null, null)
            : new GetOpenCypherQueryStatusResponse(status.queryId(), status.queryString(), status.queryEvalStats());
    }

    static GetGremlinQueryStatusResponse getGremlinQueryStatus(JsonNode body) {
        GremlinQueryStatus status = queryStatus(JsonMembers.object("response", body));
        return status == null ? new GetGremlinQueryStatusResponse(null, null, null)
            : new GetGremlinQueryStatusResponse(status.queryId(), status.queryString(), status.queryEvalStats());
    }

    static ListGremlinQueriesResponse listGremlinQueries(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new ListGremlinQueriesResponse(JsonMembers.integer(json, "acceptedQueryCount"),
            JsonMembers.integer(json, "runningQueryCount"),
            JsonMembers.list(json, "queries", item -> queryStatus(JsonMembers.object("queries[]", item))));
    }

    static ListOpenCypherQueriesResponse listOpenCypherQueries(JsonNode body) {
        ListGremlinQueriesResponse same = listGremlinQueries(body);
        return new ListOpenCypherQueriesResponse(same.acceptedQueryCount(), same.runningQueryCount(), same.queries());
    }

    static GetEngineStatusResponse getEngineStatus(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new GetEngineStatusResponse(
            JsonMembers.text(json, "status"),
            JsonMembers.text(json, "startTime"),
            JsonMembers.text(json, "dbEngineVersion"),
            JsonMembers.text(json, "role"),
            JsonMembers.text(json, "dfeQueryEngine"),
            version(json, "gremlin"),
            version(json, "sparql"),
            version(json, "opencypher"),
            JsonMembers.textMap(json, "labMode"),
            JsonMembers.integer(json, "rollingBackTrxCount"),
            JsonMembers.text(json, "rollingBackTrxEarliestStartTime"),
            PlainValues.object(json, "features"),
            JsonMembers.textMap(json, "settings"));
    }

    static ListLoaderJobsResponse listLoaderJobs(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        JsonNode payload = JsonMembers.child(json, "payload");
        return new ListLoaderJobsResponse(JsonMembers.text(json, "status"),
            payload == null ? null : new LoaderIdResult(JsonMembers.textList(payload, "loadIds")));
    }

    static GetLoaderJobStatusResponse getLoaderJobStatus(JsonNode body) {
        JsonNode json = JsonMembers.object("response", body);
        return new GetLoaderJobStatusResponse(JsonMembers.text(json, "status"),
            PlainValues.of(JsonMembers.document(json, "payload")));
    }

    /** The members of {@code GremlinQueryStatus}, which the status operations answer at the top level. */
    private static GremlinQueryStatus queryStatus(JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode stats = JsonMembers.child(json, "queryEvalStats");
        return new GremlinQueryStatus(
            JsonMembers.text(json, "queryId"),
            JsonMembers.text(json, "queryString"),
            stats == null ? null : new QueryEvalStats(
                JsonMembers.integer(stats, "waited"),
                JsonMembers.integer(stats, "elapsed"),
                JsonMembers.bool(stats, "cancelled"),
                PlainValues.of(JsonMembers.document(stats, "subqueries"))));
    }

    private static QueryLanguageVersion version(JsonNode json, String member) {
        JsonNode language = JsonMembers.child(json, member);
        return language == null ? null : new QueryLanguageVersion(JsonMembers.text(language, "version"));
    }
}
