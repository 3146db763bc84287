package io.querystop;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.CancelGremlinQueryRequest;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.errors.NeptuneDataException;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** Per-call options replace the client's settings for that call only. */
class CallOptionsIntegrationTests {

    private static final RetryPolicy FAST_STANDARD = RetryPolicy.standard().toBuilder()
        .backoff(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)).build();

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void aPerCallRetryPolicyReplacesTheClientsForThatCallOnly() {
        emulator.addGremlinQuery("q");
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(RetryPolicy.none()));
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, ""));

        neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("q"), CallOptions.defaults()
                .withRetryPolicy(FAST_STANDARD))
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        assertThat(emulator.requestCount()).as("attempts with the per-call policy").isEqualTo(2);

        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, ""));
        neptune.cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(((NeptuneDataException) error).attempts()).isEqualTo(1))
            .verify(Duration.ofSeconds(10));
        assertThat(emulator.requestCount()).as("the next call is back to the client's policy").isEqualTo(3);
    }

    @Test
    void aPerCallTimeoutReplacesTheClients() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(RetryPolicy.none()));

        neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("q"), CallOptions.defaults()
                .withCallTimeout(Duration.ofMillis(300)))
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(CallTimeoutException.class)
                .hasMessage("CancelGremlinQuery did not complete within the call timeout of 300 ms"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void theAttemptObserverIsToldOfEveryAttemptThrottledOrNot() {
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "slow down"));
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, ""));
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(FAST_STANDARD));
        List<Boolean> throttled = new CopyOnWriteArrayList<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();

        neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("q"), CallOptions.defaults()
                .withAttemptObserver((wasThrottled, latencyNanos) -> {
                    throttled.add(wasThrottled);
                    latencies.add(latencyNanos);
                }))
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(10));

        assertThat(throttled).containsExactly(true, false, false);
        assertThat(latencies).allSatisfy(latency -> assertThat(latency).isPositive());
    }
}
