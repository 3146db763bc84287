package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.RetryPolicy;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import reactor.test.StepVerifier;

/**
 * Standard mode's real backoff, in virtual time: the retry waits on Reactor's timer (no thread sleeps), never longer
 * than the full-jitter ceiling (100 ms, then 200 ms; 1 s, then 2 s after throttling), and not at all in real time.
 */
@Isolated
class RetryBackoffVirtualTimeTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void standardBackoffWaitsOnTheTimerWithinItsCeilings() throws Exception {
        checkBackoff(Fault.respond(503, null, ""), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void throttlingUsesTheLongerBase() throws Exception {
        checkBackoff(Fault.error(500, "ThrottlingException", "slow down"), Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    }

    private void checkBackoff(Fault fault, Duration firstCeiling, Duration secondCeiling) throws Exception {
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, fault);
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, fault);
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(RetryPolicy.standard()));

        StepVerifier.withVirtualTime(() -> neptune.cancelGremlinQuery("q"))
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue())
            .then(() -> assertThat(Await.holdsFor(Duration.ofMillis(300), () -> emulator.requestCount() == 1)).as("no retry in real time").isTrue())
            .thenAwait(firstCeiling)
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 2)).isTrue())
            .then(() -> assertThat(Await.holdsFor(Duration.ofMillis(300), () -> emulator.requestCount() == 2)).isTrue())
            .thenAwait(secondCeiling)
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 3)).isTrue())
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(20));
    }
}
