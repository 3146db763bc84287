package io.querystop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.ConnectionPoolStats;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.RecordedRequest;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;

/**
 * One emulator per test class on a free loopback port, and clients built against it. After each test every client
 * built must have returned to zero active pooled connections (clients given a pool of the test's are left to the
 * test); then the clients are closed and the emulator reset.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension emulator = new EmulatorExtension();
 * }</pre>
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final Consumer<Emulator.Builder> emulatorSettings;
    private final List<Client> clients = new ArrayList<>();
    private Emulator emulator;

    private record Client(String name, Supplier<ConnectionPoolStats> stats, Supplier<Mono<Void>> close) {
    }

    public EmulatorExtension() {
        this(builder -> { });
    }

    public EmulatorExtension(Consumer<Emulator.Builder> emulatorSettings) {
        this.emulatorSettings = emulatorSettings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Emulator.Builder builder = Emulator.builder();
        emulatorSettings.accept(builder);
        emulator = builder.start();
        if (emulator.endpoint().getScheme().equals("http")) { // a TLS emulator's certificate may be meant to fail
            warmUp();
        }
    }

    /**
     * One real signed call, so that the first call of a test does not also pay for loading and compiling the
     * emulator's request path, which on a busy machine can exceed a test's short timeouts.
     */
    private void warmUp() {
        NeptuneDataClient client = NeptuneDataClient.builder().endpoint(emulator.endpoint().toString())
            .region(emulator.region()).credentialsProvider(emulator.credentialsProvider()).build();
        try {
            emulator.addGremlinQuery("warm-up");
            client.cancelGremlinQuery("warm-up").block(Duration.ofSeconds(30));
        } finally {
            client.closeLater().block(Duration.ofSeconds(10));
            emulator.reset();
        }
    }

    public Emulator emulator() {
        return emulator;
    }

    public NeptuneDataClient neptune() {
        return neptune(builder -> { });
    }

    /** A client of the emulator with its key pair and region; the customizer may change anything. */
    public NeptuneDataClient neptune(Consumer<NeptuneDataClient.Builder> customizer) {
        NeptuneDataClient.Builder builder = NeptuneDataClient.builder()
            .endpoint(emulator.endpoint().toString())
            .region(emulator.region())
            .credentialsProvider(emulator.credentialsProvider());
        customizer.accept(builder);
        NeptuneDataClient client = builder.build();
        clients.add(new Client(client.toString(), client::connectionPoolStats, client::closeLater));
        return client;
    }

    /**
     * A client that has made one call already, so that its connection pool for the emulator exists before a test
     * installs a virtual clock (a pool created under it would schedule its background eviction there). The emulator
     * is reset afterwards: call this before arranging the emulator's state.
     */
    public NeptuneDataClient warmedUpNeptune(Consumer<NeptuneDataClient.Builder> customizer) {
        NeptuneDataClient client = neptune(customizer);
        emulator.addGremlinQuery("warm-up");
        client.cancelGremlinQuery("warm-up").block(Duration.ofSeconds(30));
        emulator.reset();
        return client;
    }

    /** The oldest recorded request not yet taken, waiting up to the timeout; {@code null} if none came. */
    public RecordedRequest nextRequest(Duration timeout) {
        try {
            return emulator.takeRequest(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", e);
        }
    }

    public CloudTrailClient cloudTrail() {
        return cloudTrail(builder -> { });
    }

    public CloudTrailClient cloudTrail(Consumer<CloudTrailClient.Builder> customizer) {
        CloudTrailClient.Builder builder = CloudTrailClient.builder()
            .endpointOverride(emulator.endpoint().toString())
            .region(emulator.region())
            .credentialsProvider(emulator.credentialsProvider());
        customizer.accept(builder);
        CloudTrailClient client = builder.build();
        clients.add(new Client(client.toString(), client::connectionPoolStats, client::closeLater));
        return client;
    }

    /**
     * Waits up to ten seconds for the client's pool to have no active connection and no waiting call (the pool
     * releases asynchronously), and returns its figures then.
     */
    public static ConnectionPoolStats awaitIdlePool(Supplier<ConnectionPoolStats> stats) {
        Await.until(Duration.ofSeconds(10), () -> {
            ConnectionPoolStats now = stats.get();
            return now.active() <= 0 && now.pending() <= 0;
        });
        return stats.get();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (Client client : clients) {
                if (client.stats().get().equals(ConnectionPoolStats.UNKNOWN)) {
                    continue; // a pool the test gave the client: the test checks it
                }
                ConnectionPoolStats stats = awaitIdlePool(client.stats());
                assertThat(stats.active()).as("active pooled connections of " + client.name() + " after the test")
                    .isZero();
                assertThat(stats.pending()).as("callers waiting for a connection of " + client.name()).isZero();
            }
        } finally {
            try {
                for (Client client : clients) {
                    client.close().get().block(Duration.ofSeconds(10));
                }
            } finally {
                clients.clear(); // a client that failed to close must not fail the next test's clean-up too
                emulator.reset();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }
}
