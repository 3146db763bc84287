package io.querystop.neptunedata;

/**
 * @param queryId        the query's id; {@code null} when absent
 * @param queryString    the openCypher text; {@code null} when absent
 * @param queryEvalStats the evaluation figures; {@code null} when absent
 */
public record GetOpenCypherQueryStatusResponse(String queryId, String queryString, QueryEvalStats queryEvalStats) {
}
