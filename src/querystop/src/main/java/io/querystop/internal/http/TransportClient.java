package io.querystop.internal.http;

import io.querystop.ConnectionPoolStats;
import reactor.core.publisher.Mono;

/** What every service client delegates to its transport: region, pool figures, closing, a secret-free name. */
public abstract class TransportClient implements AutoCloseable {

    protected final HttpTransport transport;
    private final String name;

    protected TransportClient(String name, HttpTransport transport) {
        this.name = name;
        this.transport = transport;
    }

    public String region() {
        return transport.region();
    }

    public ConnectionPoolStats connectionPoolStats() {
        return transport.poolStats();
    }

    public Mono<Void> closeLater() {
        return transport.closeLater();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return name + "[endpoint=" + transport.endpoint() + ", region=" + transport.region() + "]";
    }
}
