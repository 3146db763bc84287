package io.querystop.neptunedata;

import java.util.List;

/**
 * The Gremlin queries of the instance that answered: status is per instance, so list every instance endpoint to see
 * a whole cluster. Every member is {@code null} when the service left it out.
 *
 * @param acceptedQueryCount the queries accepted and not yet finished, waiting ones included
 * @param runningQueryCount  the queries running now
 * @param queries            the listed queries (immutable)
 */
public record ListGremlinQueriesResponse(Integer acceptedQueryCount, Integer runningQueryCount,
                                         List<GremlinQueryStatus> queries) {
}
