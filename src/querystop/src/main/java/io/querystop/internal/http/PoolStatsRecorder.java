package io.querystop.internal.http;

import io.querystop.ConnectionPoolStats;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/** Sees the live figures of the pools Reactor Netty creates (one per remote address) without Micrometer. */
final class PoolStatsRecorder implements ConnectionProvider.MeterRegistrar {

    private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

    @Override
    public void registerMetrics(String poolName, String id, SocketAddress remoteAddress, ConnectionPoolMetrics metrics) {
        pools.put(id, metrics);
    }

    @Override
    public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
        pools.remove(id);
    }

    ConnectionPoolStats stats() {
        int active = 0;
        int idle = 0;
        int pending = 0;
        for (ConnectionPoolMetrics pool : pools.values()) {
            active += pool.acquiredSize();
            idle += pool.idleSize();
            pending += pool.pendingAcquireSize();
        }
        return new ConnectionPoolStats(active, idle, pending);
    }
}
