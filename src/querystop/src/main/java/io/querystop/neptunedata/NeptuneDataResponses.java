package io.querystop.neptunedata;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.internal.json.JsonMembers;

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
        JsonNode json = JsonMembers.object("response", body);
        JsonNode stats = JsonMembers.child(json, "queryEvalStats");
        return new GetOpenCypherQueryStatusResponse(
            JsonMembers.text(json, "queryId"),
            JsonMembers.text(json, "queryString"),
            stats == null ? null : new QueryEvalStats(
                JsonMembers.integer(stats, "waited"),
                JsonMembers.integer(stats, "elapsed"),
                JsonMembers.bool(stats, "cancelled"),
                JsonMembers.document(stats, "subqueries")));
    }
}
