package io.querystop.neptunedata;

/**
 * Which Gremlin queries to list ({@code ListGremlinQueries}).
 *
 * @param includeWaiting {@code true}: the queries waiting in the queue too, not only the running ones; {@code null}
 *                       leaves the parameter out and the service decides (running only)
 */
public record ListGremlinQueriesRequest(Boolean includeWaiting) {

    /** Running queries only, the service's default. */
    public ListGremlinQueriesRequest() {
        this(null);
    }
}
