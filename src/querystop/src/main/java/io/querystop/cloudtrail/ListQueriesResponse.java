package io.querystop.cloudtrail;

import java.util.List;

/**
 * One page of queries.
 *
 * @param queries   the queries of this page (immutable); {@code null} when absent
 * @param nextToken the token of the next page, {@code null} on the last page
 */
public record ListQueriesResponse(List<Query> queries, String nextToken) {
}
