package io.querystop.internal.http;

import io.netty.channel.ChannelOption;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.NetUtil;
import io.querystop.ClientSettings;
import io.querystop.ConnectionPoolSettings;
import io.querystop.ConnectionPoolStats;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.AddressUtils;

/**
 * The Reactor Netty client of one querystop client, on a connection pool of its own or on the caller's: builds it,
 * says how many exchanges it can carry at once (what sizes admission), reports its figures, disposes what it created.
 *
 * <p>An own pool has {@code maxConnections} connections. Admission lets at most that many exchanges through, so the
 * pool's queue only holds an exchange for the moment between a finished exchange's permit and its connection coming
 * back, or being closed: a cancelled exchange gives its permit back at once while its connection closes
 * asynchronously, so after a burst of cancels more than {@code maxConnections} admitted exchanges may wait there
 * briefly. Its queue is therefore bounded by {@code maxPendingAcquires} too, never by the pool size alone.
 */
public final class ConnectionPool {

    private final HttpClient http;
    private final ConnectionProvider owned;
    private final PoolStatsRecorder stats;
    private final int capacity;

    /**
     * @param loops  the event loops to run on, or {@code null} for Reactor Netty's shared ones
     * @param meters where an own pool's gauges go besides the client's own figures, or {@code null}. Reactor Netty
     *               takes one registrar per pool, and a custom one displaces its Micrometer gauges: the client's
     *               recorder hands every registration on to this one, which registers those gauges again.
     */
    public ConnectionPool(ClientSettings settings, Endpoint endpoint, String name, LoopResources loops,
                          ConnectionProvider.MeterRegistrar meters) {
        ConnectionPoolSettings pool = settings.connectionPool();
        ConnectionProvider provider = settings.connectionProvider();
        if (provider == null) {
            this.stats = new PoolStatsRecorder(meters);
            provider = this.owned = ConnectionProvider.builder(name)
                .maxConnections(pool.maxConnections())
                .pendingAcquireMaxCount(pool.maxConnections() + pool.maxPendingAcquires())
                .pendingAcquireTimeout(pool.pendingAcquireTimeout())
                .maxIdleTime(pool.maxIdleTime())
                .maxLifeTime(pool.maxLifeTime())
                .evictInBackground(pool.maxIdleTime().dividedBy(2))
                .metrics(true, () -> stats)
                .build();
            this.capacity = pool.maxConnections();
        } else {
            this.stats = null;
            this.owned = null;
            this.capacity = provider.maxConnections() > 0 ? provider.maxConnections() : pool.maxConnections();
        }
        // HTTP/1.1 is Reactor Netty's default; setting it with protocol(...) would initialise HttpClientSecure,
        // whose static default TLS context costs a plain-http client about 300 class loads and 0.1 s of start-up.
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(endpoint.socketHost());
        InetSocketAddress address = literal == null
            ? AddressUtils.createUnresolved(endpoint.socketHost(), endpoint.port())
            : new InetSocketAddress(ipAddress(literal), endpoint.port());
        HttpClient client = HttpClient.create(provider)
            .keepAlive(true)
            .compress(false)
            .followRedirect(false)
            // Requests carry only path and query: Reactor Netty 1.3.7 misreads a one-digit port in an absolute URL
            // (http://127.0.0.1:9/ becomes host "127.0.0.1:9", port 80) and then reports a refused connection as
            // an unknown host. One address made here, not host(..).port(..): those are suppliers that Reactor Netty
            // asks twice per request, each building new addresses (and formatting its default, ::1, as text).
            // A host name stays unresolved in it: it is resolved at each connect, as before.
            .remoteAddress(() -> address)
            .disableRetry(true) // attempts are counted and decided in one place, not also inside Reactor Netty
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.timeouts().connect().toMillis())
            .responseTimeout(settings.timeouts().response());
        if (literal != null) {
            // nothing to resolve: without this the DNS resolver is still built (about 60 classes at start-up)
            client = client.resolver(NoopAddressResolverGroup.INSTANCE);
        }
        if (loops != null) {
            client = client.runOn(loops);
        }
        if (endpoint.secure()) {
            client = settings.sslContext() == null
                ? client.secure(ssl -> ssl.sslContext(Http11SslContextSpec.forClient())
                    .handshakeTimeout(settings.timeouts().connect()))
                : client.secure(ssl -> ssl.sslContext(settings.sslContext())
                    .handshakeTimeout(settings.timeouts().connect()));
        }
        this.http = client;
    }

    private static InetAddress ipAddress(byte[] literal) {
        try {
            return InetAddress.getByAddress(literal);
        } catch (UnknownHostException impossible) { // only for a length other than 4 or 16
            throw new IllegalStateException(impossible);
        }
    }

    public HttpClient http() {
        return http;
    }

    /**
     * How many exchanges may be in flight at once: an own pool's {@code maxConnections}; a given provider's
     * {@link ConnectionProvider#maxConnections()}, or the settings' {@code maxConnections} when it has no fixed limit.
     */
    public int capacity() {
        return capacity;
    }

    /**
     * The live figures, with {@code waitingForAdmission} added to the pending ones; active and idle are {@code -1}
     * for a pool the caller gave, whose figures the client cannot see.
     */
    public ConnectionPoolStats stats(int waitingForAdmission) {
        if (stats == null) {
            return new ConnectionPoolStats(-1, -1, waitingForAdmission);
        }
        ConnectionPoolStats pool = stats.stats();
        return new ConnectionPoolStats(pool.active(), pool.idle(), pool.pending() + waitingForAdmission);
    }

    /** Disposes the pool if the client created it; a given one is left alone. */
    public Mono<Void> disposeLater() {
        return owned == null ? Mono.empty() : owned.disposeLater();
    }
}
