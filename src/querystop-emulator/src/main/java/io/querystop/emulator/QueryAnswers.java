package io.querystop.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.emulator.ServiceAnswers.Answer;

/** Neptune's answers about Gremlin and openCypher queries on one instance: list, status, cancel. */
final class QueryAnswers {

    /** Status output shows at most this many characters of a query's text, as Neptune does. */
    static final int QUERY_STRING_LIMIT = 1024;

    private final QueryTable table;

    QueryAnswers(QueryTable table) {
        this.table = table;
    }

    Answer list(QueryLanguage language, String rawQuery) {
        boolean includeWaiting;
        try {
            includeWaiting = QueryParameters.parse(rawQuery).flag("includeWaiting", false);
        } catch (QueryParameters.Invalid e) {
            return ServiceAnswers.neptuneError(400, "InvalidParameterException", e.getMessage());
        }
        QueryTable.Listing listing = table.list(language, includeWaiting);
        ObjectNode body = ServiceAnswers.JSON.createObjectNode()
            .put("acceptedQueryCount", listing.acceptedQueryCount())
            .put("runningQueryCount", listing.runningQueryCount());
        ArrayNode queries = body.putArray("queries");
        listing.queries().forEach(query -> write(queries.addObject(), query));
        return ServiceAnswers.neptuneSuccess(body);
    }

    Answer status(QueryLanguage language, String id) {
        EmulatedQuery.Snapshot query = table.status(language, id);
        if (query == null) {
            return ServiceAnswers.invalidQueryId(id);
        }
        ObjectNode body = ServiceAnswers.JSON.createObjectNode();
        write(body, query);
        return ServiceAnswers.neptuneSuccess(body);
    }

    Answer cancel(QueryLanguage language, String id) {
        if (!table.cancel(language, id)) {
            return ServiceAnswers.invalidQueryId(id);
        }
        ObjectNode body = ServiceAnswers.JSON.createObjectNode().put("status", "200 OK");
        if (language == QueryLanguage.OPEN_CYPHER) {
            body.put("payload", true);
        }
        return ServiceAnswers.neptuneSuccess(body);
    }

    private static void write(ObjectNode out, EmulatedQuery.Snapshot query) {
        String text = query.queryString();
        out.put("queryId", query.id())
            .put("queryString", text.length() > QUERY_STRING_LIMIT ? text.substring(0, QUERY_STRING_LIMIT) : text);
        ObjectNode stats = out.putObject("queryEvalStats").put("waited", query.waited())
            .put("elapsed", query.elapsed()).put("cancelled", query.cancelled());
        if (query.subqueries() != null) {
            stats.set("subqueries", query.subqueries());
        }
    }
}
