package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.ConnectionPoolSettings;
import io.querystop.PoolAcquireTimeoutException;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * A connection pool the caller gives: its connection limit sizes the client's admission, so calls wait in the client's
 * one queue (bounded by the client's pending settings) and not inside the provider; the client never closes it.
 * These clients are built here, not by the extension, whose idle-pool check needs figures a given pool does not show.
 */
class CallerConnectionProviderIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();
    private ConnectionProvider provider;

    @BeforeEach
    void createProvider() {
        // One connection, and a wait inside the provider that would outlast every test: if a call waited there
        // rather than in the client's queue, the assertions below would see it.
        provider = ConnectionProvider.builder("caller-pool").maxConnections(1)
            .pendingAcquireMaxCount(100).pendingAcquireTimeout(Duration.ofMinutes(1)).build();
    }

    @AfterEach
    void disposeProvider() {
        provider.disposeLater().block(Duration.ofSeconds(10));
    }

    @Test
    void theProvidersLimitSizesAdmissionAndCallsWaitInTheClientsQueue() {
        NeptuneDataClient neptune = client(b -> { });
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        Disposable holder = neptune.cancelGremlinQuery("holds-the-connection").subscribe(r -> { }, e -> { });
        try {
            assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue();

            StepVerifier.create(neptune.cancelGremlinQuery("waits"))
                .then(() -> assertThat(Await.until(() -> neptune.connectionPoolStats().pending() == 1))
                    .as("waiting for admission").isTrue())
                .thenCancel()
                .verify(Duration.ofSeconds(10));
            assertThat(neptune.connectionPoolStats().pending()).as("a cancelled waiter leaves at once").isZero();
        } finally {
            holder.dispose();
            neptune.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void theClientsPendingTimeoutBoundsTheWait() {
        NeptuneDataClient neptune = client(b -> b.connectionPool(ConnectionPoolSettings.defaults()
            .withPendingAcquireTimeout(Duration.ofMillis(200))));
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        Disposable holder = neptune.cancelGremlinQuery("holds-the-connection").subscribe(r -> { }, e -> { });
        try {
            assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue();

            StepVerifier.create(neptune.cancelGremlinQuery("waits"))
                .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(PoolAcquireTimeoutException.class)
                    .hasMessageContaining("no pooled connection became free within 200 ms"))
                .verify(Duration.ofSeconds(10));
        } finally {
            holder.dispose();
            neptune.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void theClientNeverClosesAGivenProvider() {
        emulator.addGremlinQuery("a").addGremlinQuery("b");
        NeptuneDataClient first = client(b -> { });
        StepVerifier.create(first.cancelGremlinQuery("a")).expectNextCount(1).verifyComplete();

        assertThat(first.close(Duration.ofSeconds(10))).isTrue();

        assertThat(provider.isDisposed()).isFalse();
        NeptuneDataClient second = client(b -> { });
        try {
            StepVerifier.create(second.cancelGremlinQuery("b")).expectNextCount(1).verifyComplete();
        } finally {
            second.close(Duration.ofSeconds(10));
        }
    }

    private NeptuneDataClient client(Consumer<NeptuneDataClient.Builder> customizer) {
        NeptuneDataClient.Builder builder = NeptuneDataClient.builder()
            .endpoint(emulator.endpoint().toString())
            .region(emulator.region())
            .credentialsProvider(emulator.credentialsProvider())
            .connectionProvider(provider);
        customizer.accept(builder);
        return builder.build();
    }
}
