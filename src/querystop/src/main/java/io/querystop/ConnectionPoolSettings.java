package io.querystop;

import java.time.Duration;

/**
 * How a client pools its HTTP/1.1 connections to one endpoint. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * ConnectionPoolSettings pool = ConnectionPoolSettings.defaults().withMaxConnections(128);
 * }</pre>
 *
 * @param maxConnections        connections open at once, busy or idle (default 64)
 * @param maxPendingAcquires    callers that may wait for a busy pool before failing at once (default 1024)
 * @param pendingAcquireTimeout how long a caller waits for a free connection (default 10 s)
 * @param maxIdleTime           an idle connection is closed after this long, kept below the 60 s that AWS load
 *                              balancers and common proxies allow, so the client never reuses one the server is about
 *                              to close (default 30 s)
 * @param maxLifeTime           a connection is retired after this long even when busy, so that DNS changes after a
 *                              Neptune failover are picked up (default 5 min)
 */
public record ConnectionPoolSettings(int maxConnections, int maxPendingAcquires, Duration pendingAcquireTimeout,
                                     Duration maxIdleTime, Duration maxLifeTime) {

    private static final ConnectionPoolSettings DEFAULTS = new ConnectionPoolSettings(64, 1024,
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5));

    public ConnectionPoolSettings {
        Settings.positive("maxConnections", maxConnections);
        Settings.positive("maxPendingAcquires", maxPendingAcquires);
        Settings.positive("pendingAcquireTimeout", pendingAcquireTimeout);
        Settings.positive("maxIdleTime", maxIdleTime);
        Settings.positive("maxLifeTime", maxLifeTime);
    }

    public static ConnectionPoolSettings defaults() {
        return DEFAULTS;
    }

    public ConnectionPoolSettings withMaxConnections(int value) {
        return new ConnectionPoolSettings(value, maxPendingAcquires, pendingAcquireTimeout, maxIdleTime, maxLifeTime);
    }

    public ConnectionPoolSettings withMaxPendingAcquires(int value) {
        return new ConnectionPoolSettings(maxConnections, value, pendingAcquireTimeout, maxIdleTime, maxLifeTime);
    }

    public ConnectionPoolSettings withPendingAcquireTimeout(Duration value) {
        return new ConnectionPoolSettings(maxConnections, maxPendingAcquires, value, maxIdleTime, maxLifeTime);
    }

    public ConnectionPoolSettings withMaxIdleTime(Duration value) {
        return new ConnectionPoolSettings(maxConnections, maxPendingAcquires, pendingAcquireTimeout, value, maxLifeTime);
    }

    public ConnectionPoolSettings withMaxLifeTime(Duration value) {
        return new ConnectionPoolSettings(maxConnections, maxPendingAcquires, pendingAcquireTimeout, maxIdleTime, value);
    }
}
