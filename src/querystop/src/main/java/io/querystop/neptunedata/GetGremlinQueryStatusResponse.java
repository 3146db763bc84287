package io.querystop.neptunedata;

/**
 * @param queryId        the query's id; {@code null} when absent
 * @param queryString    the Gremlin text, truncated by Neptune to its first 1,024 characters; {@code null} when absent
 * @param queryEvalStats the evaluation figures; {@code null} when absent
 */
public record GetGremlinQueryStatusResponse(String queryId, String queryString, QueryEvalStats queryEvalStats) {
}
