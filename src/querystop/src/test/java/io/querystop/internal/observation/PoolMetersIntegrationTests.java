package io.querystop.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.querystop.ConnectionPoolSettings;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * Reactor Netty's pool gauges of the client's own pool on the registry the client was given, alongside the client's own
 * figures ({@code connectionPoolStats}), and gone when the client is closed; none for a pool the caller gave, and none
 * anywhere without a registry.
 */
class PoolMetersIntegrationTests {

    static final String PREFIX = "reactor.netty.connection.provider";
    static final String[] GAUGES = {"total.connections", "active.connections", "idle.connections",
        "pending.connections", "max.connections", "max.pending.connections"};

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private Search gauge(MeterRegistry in, String name) {
        return in.find(PREFIX + "." + name).tag("name", "querystop-neptune-db")
            .tag("remote.address", "127.0.0.1:" + emulator.port());
    }

    private double value(String name) {
        Gauge gauge = gauge(registry, name).gauge();
        assertThat(gauge).as(name).isNotNull();
        return gauge.value();
    }

    @Test
    void theOwnPoolsGaugesAreOnTheGivenRegistryNextToTheClientsFigures() {
        emulator.addGremlinQuery("q-1");
        NeptuneDataClient neptune = env.neptune(b -> b.meterRegistry(registry)
            .connectionPool(ConnectionPoolSettings.defaults().withMaxConnections(7)));

        neptune.cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();
        EmulatorExtension.awaitIdlePool(neptune::connectionPoolStats);

        for (String name : GAUGES) {
            assertThat(gauge(registry, name).gauge()).as(name).isNotNull();
        }
        assertThat(value("idle.connections")).isEqualTo(1);
        assertThat(value("total.connections")).isEqualTo(1);
        assertThat(value("active.connections")).isZero();
        assertThat(value("max.connections")).isEqualTo(7);
        assertThat(neptune.connectionPoolStats().idle()).isEqualTo(1);
    }

    @Test
    void aCallInFlightIsAnActiveConnection() {
        NeptuneDataClient neptune = env.neptune(b -> b.meterRegistry(registry));
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());

        Disposable call = neptune.cancelGremlinQuery("q-1").subscribe(r -> { }, e -> { });
        try {
            assertThat(Await.until(() -> gauge(registry, "active.connections").gauge() != null
                && gauge(registry, "active.connections").gauge().value() == 1)).isTrue();
            assertThat(neptune.connectionPoolStats().active()).isEqualTo(1);
        } finally {
            call.dispose();
        }
    }

    @Test
    void closingTheClientRemovesItsGauges() {
        emulator.addGremlinQuery("q-1");
        NeptuneDataClient neptune = env.neptune(b -> b.meterRegistry(registry));
        neptune.cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();
        assertThat(gauge(registry, "idle.connections").gauge()).isNotNull();

        neptune.closeLater().block(Duration.ofSeconds(10));

        for (String name : GAUGES) {
            assertThat(gauge(registry, name).gauges()).as(name).isEmpty();
        }
    }

    @Test
    void aPoolTheCallerGaveIsTheCallersToMeter() {
        ConnectionProvider provider = ConnectionProvider.builder("caller-pool").maxConnections(2).build();
        try {
            emulator.addGremlinQuery("q-1");
            NeptuneDataClient neptune = NeptuneDataClient.builder().endpoint(emulator.endpoint().toString())
                .region(emulator.region()).credentialsProvider(emulator.credentialsProvider())
                .connectionProvider(provider).meterRegistry(registry).build();
            try {
                neptune.cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();
            } finally {
                neptune.closeLater().block(Duration.ofSeconds(10));
            }
            assertThat(registry.find(PREFIX + ".active.connections").gauges()).isEmpty();
        } finally {
            provider.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void withoutARegistryNoGaugeIsRegisteredAnywhere() {
        emulator.addGremlinQuery("q-1");
        NeptuneDataClient neptune = env.neptune();

        neptune.cancelGremlinQuery("q-1").as(StepVerifier::create).expectNextCount(1).verifyComplete();

        assertThat(gauge(Metrics.globalRegistry, "idle.connections").gauges()).isEmpty();
        assertThat(Metrics.globalRegistry.find("querystop.client.requests").meters()).isEmpty();
    }
}
