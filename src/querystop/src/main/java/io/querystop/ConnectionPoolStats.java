package io.querystop;

/**
 * A snapshot of a client's connection pool, summed over the pool's endpoints.
 *
 * @param active  connections lent to calls in flight
 * @param idle    open connections waiting in the pool
 * @param pending calls waiting for a connection
 */
public record ConnectionPoolStats(int active, int idle, int pending) {

    /** Returned when the pool was given to the client, whose figures it cannot see. */
    public static final ConnectionPoolStats UNKNOWN = new ConnectionPoolStats(-1, -1, -1);

    public int open() {
        return active < 0 ? -1 : active + idle;
    }
}
