package io.querystop.internal.http;

import io.querystop.ConnectionPoolStats;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sees the live figures of the pools Reactor Netty creates (one per remote address) without Micrometer, and hands
 * each registration on to the client's pool meters, if it has any.
 */
final class PoolStatsRecorder implements ConnectionProvider.MeterRegistrar {

    private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();
    private final ConnectionProvider.MeterRegistrar meters;

    /** @param meters also told of every pool, or {@code null} */
    PoolStatsRecorder(ConnectionProvider.MeterRegistrar meters) {
        this.meters = meters;
    }

    @Override
    public void registerMetrics(String poolName, String id, SocketAddress remoteAddress, ConnectionPoolMetrics metrics) {
        pools.put(id, metrics);
        if (meters != null) {
            meters.registerMetrics(poolName, id, remoteAddress, metrics);
        }
    }

    @Override
    public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
        pools.remove(id);
        if (meters != null) {
            meters.deRegisterMetrics(poolName, id, remoteAddress);
        }
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
