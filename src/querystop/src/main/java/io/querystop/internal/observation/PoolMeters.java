package io.querystop.internal.observation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty's own connection-pool gauges ({@code reactor.netty.connection.provider.*}, same names and tags
 * {@code id}, {@code remote.address}, {@code name}), registered on the registry the client was given. Reactor Netty
 * registers them only on Micrometer's global registry, and only when the pool has no registrar of its own; the client's
 * pool has one (to read its figures without Micrometer), so this one puts them back, on the application's registry.
 * Removed when Reactor Netty disposes the pool for that address.
 */
public final class PoolMeters implements ConnectionProvider.MeterRegistrar {

    static final String PREFIX = "reactor.netty.connection.provider";

    private final MeterRegistry registry;
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

    private PoolMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Returns Reactor Netty's interface, so that callers never name a Micrometer type. */
    public static ConnectionProvider.MeterRegistrar create(MeterRegistry registry) {
        return new PoolMeters(registry);
    }

    @Override
    public void registerMetrics(String poolName, String id, SocketAddress remoteAddress, ConnectionPoolMetrics metrics) {
        Tags tags = Tags.of("id", id, "remote.address", format(remoteAddress), "name", poolName);
        meters.put(key(id, remoteAddress), List.of(
            gauge("total.connections", metrics, ConnectionPoolMetrics::allocatedSize, tags),
            gauge("active.connections", metrics, ConnectionPoolMetrics::acquiredSize, tags),
            gauge("idle.connections", metrics, ConnectionPoolMetrics::idleSize, tags),
            gauge("pending.connections", metrics, ConnectionPoolMetrics::pendingAcquireSize, tags),
            gauge("max.connections", metrics, ConnectionPoolMetrics::maxAllocatedSize, tags),
            gauge("max.pending.connections", metrics, ConnectionPoolMetrics::maxPendingAcquireSize, tags)));
    }

    @Override
    public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
        List<Meter> registered = meters.remove(key(id, remoteAddress));
        if (registered != null) {
            registered.forEach(registry::remove);
        }
    }

    private Meter gauge(String name, ConnectionPoolMetrics metrics, ToDoubleFunction<ConnectionPoolMetrics> value,
                        Tags tags) {
        return Gauge.builder(PREFIX + "." + name, metrics, value).tags(tags).register(registry);
    }

    private static String key(String id, SocketAddress remoteAddress) {
        return id + " " + remoteAddress;
    }

    /** As Reactor Netty formats it: host string and port, so that the tag matches its own gauges'. */
    private static String format(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getHostString() + ":" + inet.getPort()
            : String.valueOf(address);
    }
}
