package io.querystop.internal.http;

import io.querystop.ConnectionPoolStats;
import io.querystop.InvalidInputException;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** What every service client delegates to its transport: region, pool figures, closing, a secret-free name. */
public abstract class TransportClient implements AutoCloseable {

    /** How long {@link #close()} lets calls in flight finish, and waits for the release. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    protected final HttpTransport transport;
    private final String name;

    protected TransportClient(String name, HttpTransport transport) {
        this.name = name;
        this.transport = transport;
    }

    public String region() {
        return transport.region();
    }

    public java.time.Clock serverClock() {
        return transport.serverTime();
    }

    public ConnectionPoolStats connectionPoolStats() {
        return transport.poolStats();
    }

    public Mono<Void> closeLater() {
        return transport.closeLater();
    }

    public boolean close(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new InvalidInputException("timeout", "must be a positive duration, was " + timeout);
        }
        return transport.close(timeout);
    }

    @Override
    public void close() {
        transport.close(DEFAULT_CLOSE_TIMEOUT);
    }

    @Override
    public String toString() {
        return name + "[endpoint=" + transport.endpoint() + ", region=" + transport.region() + "]";
    }
}
