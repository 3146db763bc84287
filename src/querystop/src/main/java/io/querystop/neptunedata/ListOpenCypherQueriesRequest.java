package io.querystop.neptunedata;

/**
 * Which openCypher queries to list ({@code ListOpenCypherQueries}).
 *
 * @param includeWaiting {@code true}: the queries waiting in the queue too, not only the running ones; {@code null}
 *                       leaves the parameter out and the service decides (running only)
 */
public record ListOpenCypherQueriesRequest(Boolean includeWaiting) {

    /** Running queries only, the service's default. */
    public ListOpenCypherQueriesRequest() {
        this(null);
    }
}
