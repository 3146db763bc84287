package io.querystop;

/**
 * A snapshot of a client's connection pool, summed over the pool's endpoints.
 *
 * @param active  connections lent to calls in flight, or {@code -1} for a pool given to the client
 * @param idle    open connections waiting in the pool, or {@code -1} for a pool given to the client
 * @param pending calls waiting for a connection: in the client's admission queue, and for its own pool also inside
 *                the pool
 */
public record ConnectionPoolStats(int active, int idle, int pending) {

    /** Nothing known: no figure at all. */
    public static final ConnectionPoolStats UNKNOWN = new ConnectionPoolStats(-1, -1, -1);

    public int open() {
        return active < 0 ? -1 : active + idle;
    }
}
