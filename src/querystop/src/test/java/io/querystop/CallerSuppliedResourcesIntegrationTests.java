package io.querystop;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.emulator.Emulator;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;

/** Event loops and a connection pool that the application gives a client are the ones it uses, and stay open. */
class CallerSuppliedResourcesIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    /** Sees the figures of the pools a provider creates, and whether they were taken down. */
    static final class PoolWatcher implements ConnectionProvider.MeterRegistrar {
        final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();
        final List<String> deregistered = new CopyOnWriteArrayList<>();

        @Override
        public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
                                    ConnectionPoolMetrics metrics) {
            pools.put(id, metrics);
        }

        @Override
        public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
            deregistered.add(id);
        }

        int idle() {
            return pools.values().stream().mapToInt(ConnectionPoolMetrics::idleSize).sum();
        }
    }

    @Test
    void theClientRunsOnTheGivenEventLoopsAndLeavesThemRunning() throws Exception {
        LoopResources loops = LoopResources.create("caller-loops", 1, true);
        try {
            emulator.addGremlinQuery("q");
            NeptuneDataClient neptune = env.neptune(b -> b.loopResources(loops));
            List<String> threads = new CopyOnWriteArrayList<>();

            neptune.cancelGremlinQuery("q")
                .doOnNext(response -> threads.add(Thread.currentThread().getName()))
                .as(StepVerifier::create)
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
            neptune.closeLater().block(Duration.ofSeconds(5));

            assertThat(threads).as("the thread the answer arrived on").singleElement().asString()
                .startsWith("caller-loops");
            assertThat(loops.onClient(true).next().submit(() -> "still running").get(5, TimeUnit.SECONDS))
                .as("the given loops after the client closed").isEqualTo("still running");
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
        }
    }

    @Test
    void theClientUsesTheGivenPoolWithinItsSizeAndLeavesItOpen() {
        PoolWatcher watcher = new PoolWatcher();
        ConnectionProvider pool = ConnectionProvider.builder("caller-pool").maxConnections(2)
            .pendingAcquireMaxCount(100).metrics(true, () -> watcher).build();
        try {
            for (int i = 0; i < 8; i++) {
                emulator.addGremlinQuery("c-" + i);
            }
            emulator.addGremlinQuery("after-close");
            emulator.latency(Duration.ofMillis(100)); // so that calls overlap
            NeptuneDataClient first = env.neptune(b -> b.connectionProvider(pool));

            Flux.range(0, 8)
                .flatMap(i -> first.cancelGremlinQuery("c-" + i))
                .as(StepVerifier::create)
                .expectNextCount(8)
                .expectComplete()
                .verify(Duration.ofSeconds(20));
            assertThat(emulator.peakConcurrentRequests()).as("calls served at once").isEqualTo(2);
            assertThat(Await.until(() -> watcher.idle() == 2)).as("connections back in the given pool: %s",
                watcher.idle()).isTrue();
            assertThat(first.connectionPoolStats()).isEqualTo(ConnectionPoolStats.UNKNOWN);

            first.closeLater().block(Duration.ofSeconds(5));
            NeptuneDataClient second = env.neptune(b -> b.connectionProvider(pool));
            second.cancelGremlinQuery("after-close")
                .as(StepVerifier::create)
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
            assertThat(watcher.deregistered).as("pools taken down by a client's close").isEmpty();
            assertThat(Await.until(() -> watcher.idle() == 2)).as("the open connections, reused").isTrue();
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(5));
        }
    }
}
