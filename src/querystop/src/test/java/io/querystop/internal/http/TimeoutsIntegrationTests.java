package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.CallOptions;
import io.querystop.CallTimeoutException;
import io.querystop.ConnectTimeoutException;
import io.querystop.ConnectionPoolSettings;
import io.querystop.PoolAcquireTimeoutException;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.CancelGremlinQueryRequest;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.EmulatorExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** Each timeout raises its own exception, and no call can wait forever. */
class TimeoutsIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void connectTimeout() throws IOException {
        // A loopback listener that never accepts, its backlog filled: further SYNs are dropped and connects hang.
        try (ServerSocket full = new ServerSocket()) {
            full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(filler);
                    } catch (IOException e) {
                        filler.close();
                        break; // the backlog is full
                    }
                }
                NeptuneDataClient neptune = env.neptune(b -> b.endpoint("http://127.0.0.1:" + full.getLocalPort())
                    .retryPolicy(RetryPolicy.none()).timeouts(Timeouts.defaults().withConnect(Duration.ofMillis(300))));

                neptune.cancelGremlinQuery("q")
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(ConnectTimeoutException.class)
                        .hasMessageContaining("connect timed out after 300 ms"))
                    .verify(Duration.ofSeconds(10));
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void poolAcquireTimeoutIsNotRetried() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        NeptuneDataClient neptune = env.neptune(b -> b.connectionPool(ConnectionPoolSettings.defaults()
            .withMaxConnections(1).withPendingAcquireTimeout(Duration.ofMillis(200))));
        Disposable holder = neptune.cancelGremlinQuery("holds").subscribe(r -> { }, e -> { });
        try {
            assertThat(env.nextRequest(Duration.ofSeconds(10))).as("the holder's request").isNotNull();

            neptune.cancelGremlinQuery("waits")
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(PoolAcquireTimeoutException.class)
                        .hasMessageContaining("no pooled connection became free within 200 ms");
                    assertThat(((PoolAcquireTimeoutException) error).attempts()).isEqualTo(1);
                })
                .verify(Duration.ofSeconds(10));
        } finally {
            holder.dispose();
        }
    }

    @Test
    void theCallTimeoutCutsRetriesShort() {
        // Backoffs of up to ten minutes: once the first attempt has failed, only the call timeout can end the call.
        NeptuneDataClient neptune = env.neptune(b -> b
            .retryPolicy(RetryPolicy.standard().toBuilder().maxAttempts(20)
                .backoff(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10)).build())
            .timeouts(Timeouts.defaults().withCall(Duration.ofSeconds(1))));
        emulator.addGremlinQuery("warm-up");
        // a cold first call can take more than the client's 1 s call timeout on a busy machine: this one has its own
        neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("warm-up"),
            CallOptions.defaults().withCallTimeout(Duration.ofSeconds(30))).block(Duration.ofSeconds(40));
        for (int i = 0; i < 20; i++) {
            emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, ""));
        }

        neptune.cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(CallTimeoutException.class);
                assertThat(((CallTimeoutException) error).attempts()).as("attempts before the cut").isBetween(1, 19);
            })
            .verify(Duration.ofSeconds(10));
    }
}
