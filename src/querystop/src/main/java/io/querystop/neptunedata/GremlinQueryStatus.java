package io.querystop.neptunedata;

/**
 * One query of a listing ({@code GremlinQueryStatus}; the model uses this shape for openCypher queries too).
 *
 * @param queryId        the query's id; {@code null} when absent
 * @param queryString    the query's text, truncated by Neptune to its first 1,024 characters; {@code null} when absent
 * @param queryEvalStats the evaluation figures; {@code null} when absent
 */
public record GremlinQueryStatus(String queryId, String queryString, QueryEvalStats queryEvalStats) {
}
