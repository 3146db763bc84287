package io.querystop.neptunedata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An openCypher query's evaluation figures. Every member is {@code null} when the service left it out.
 *
 * @param waited     milliseconds the query waited
 * @param elapsed    milliseconds it has run so far
 * @param cancelled  whether it was cancelled
 * @param subqueries whatever JSON the service sent (a Smithy document); each call of the accessor returns a fresh
 *                   copy, so the record stays immutable
 */
public record QueryEvalStats(Integer waited, Integer elapsed, Boolean cancelled, JsonNode subqueries) {

    public QueryEvalStats {
        subqueries = subqueries == null ? null : subqueries.deepCopy();
    }

    @Override
    public JsonNode subqueries() {
        return subqueries == null ? null : subqueries.deepCopy();
    }
}
