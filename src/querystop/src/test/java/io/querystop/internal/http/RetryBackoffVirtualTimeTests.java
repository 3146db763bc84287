package io.querystop.internal.http;

import static io.querystop.testing.RecordingVirtualTimeScheduler.BACKOFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.RecordingVirtualTimeScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Standard mode's real backoff, in virtual time: each retry waits on Reactor's timer (so no thread sleeps, and no
 * retry is sent until the virtual clock moves), for a random delay under the full-jitter ceiling (100 ms, then 200 ms;
 * 1 s, then 2 s after throttling), and is sent once the clock has moved by that ceiling.
 */
class RetryBackoffVirtualTimeTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void standardBackoffWaitsOnTheTimerWithinItsCeilings() {
        checkBackoff(Fault.respond(503, null, ""), Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void throttlingUsesTheLongerBase() {
        checkBackoff(Fault.error(500, "ThrottlingException", "slow down"), Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    }

    private void checkBackoff(Fault fault, Duration firstCeiling, Duration secondCeiling) {
        NeptuneDataClient neptune = env.warmedUpNeptune(b -> b.retryPolicy(RetryPolicy.standard())
            .timeouts(Timeouts.defaults().withCall(Duration.ofHours(1))));
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, fault);
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, fault);
        RecordingVirtualTimeScheduler clock = new RecordingVirtualTimeScheduler();

        StepVerifier.withVirtualTime(() -> neptune.cancelGremlinQuery("q"), () -> VirtualTimeScheduler.getOrSet(clock),
                Long.MAX_VALUE)
            .then(() -> assertThat(clock.awaitDelays(1, BACKOFF)).as("the first retry waits on the timer").isTrue())
            .then(() -> assertThat(emulator.requestCount()).as("attempts sent before the clock moved").isEqualTo(1))
            .thenAwait(firstCeiling)
            .then(() -> assertThat(clock.awaitDelays(2, BACKOFF)).as("the second retry waits on the timer").isTrue())
            .then(() -> assertThat(emulator.requestCount()).as("attempts sent after the first ceiling").isEqualTo(2))
            .thenAwait(secondCeiling)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(20));

        assertThat(clock.delays(BACKOFF)).hasSize(2);
        assertThat(clock.delays(BACKOFF).get(0)).isLessThan(firstCeiling);
        assertThat(clock.delays(BACKOFF).get(1)).isLessThan(secondCeiling);
        assertThat(emulator.requestCount()).isEqualTo(3);
    }
}
