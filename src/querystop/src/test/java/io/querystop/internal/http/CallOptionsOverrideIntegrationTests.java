package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.CallOptions;
import io.querystop.CallTimeoutException;
import io.querystop.RetryPolicy;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.CancelGremlinQueryRequest;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.errors.NeptuneDataException;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.RecordingVirtualTimeScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Each member of {@link CallOptions} takes effect for the call it is given to, and for no other. The virtual clock
 * moves only once the retry's backoff is armed on it (see {@link RecordingVirtualTimeScheduler}).
 */
class CallOptionsOverrideIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void aRetryPolicyAppliesToItsCallOnly() {
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(RetryPolicy.none()));
        CallOptions retry = CallOptions.defaults().withRetryPolicy(RetryPolicy.standard());
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, ""));

        RecordingVirtualTimeScheduler clock = new RecordingVirtualTimeScheduler();
        Duration ceiling = Duration.ofMillis(100); // standard mode's first backoff ceiling
        StepVerifier.withVirtualTime(() -> neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("q"), retry),
                () -> VirtualTimeScheduler.getOrSet(clock), Long.MAX_VALUE)
            .then(() -> assertThat(clock.awaitDelays(1, RecordingVirtualTimeScheduler.atMost(ceiling)))
                .as("the first attempt failed and the retry waits").isTrue())
            .then(() -> assertThat(emulator.requestCount()).isEqualTo(1))
            .thenAwait(ceiling)
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 2)).isTrue())
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();

        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, ""));
        StepVerifier.create(neptune.cancelGremlinQuery("q"))
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(NeptuneDataException.class);
                assertThat(((NeptuneDataException) error).attempts()).as("the client's own policy: one attempt")
                    .isEqualTo(1);
            })
            .verify(Duration.ofSeconds(10));
        assertThat(emulator.requestCount()).isEqualTo(3);
    }

    @Test
    void aCallTimeoutAppliesToItsCallOnly() {
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(RetryPolicy.none()));
        emulator.addGremlinQuery("unanswered");
        emulator.addGremlinQuery("slow");
        // Faults by id, not queued in order: on a loaded machine the first call's 300 ms can run out before its
        // request reaches the emulator, and a queued no-answer would then be the second call's.
        emulator.faultPolicy(request -> "unanswered".equals(request.id()) ? Fault.noResponse()
            : Fault.normal().withHeaderDelay(Duration.ofMillis(600)));

        StepVerifier.create(neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("unanswered"),
                CallOptions.defaults().withCallTimeout(Duration.ofMillis(300))))
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(CallTimeoutException.class)
                .hasMessage("CancelGremlinQuery did not complete within the call timeout of 300 ms"))
            .verify(Duration.ofSeconds(10));

        StepVerifier.create(neptune.cancelGremlinQuery("slow"))
            .assertNext(response -> assertThat(response.status()).as("the client's own call timeout: 2 min")
                .isEqualTo("200 OK"))
            .verifyComplete();
    }

    @Test
    void anAttemptObserverSeesTheAttemptsOfItsCallOnly() {
        NeptuneDataClient neptune = env.neptune();
        List<Boolean> throttled = new CopyOnWriteArrayList<>();
        CallOptions observed = CallOptions.defaults().withAttemptObserver((wasThrottled, latencyNanos) -> {
            assertThat(latencyNanos).isPositive();
            throttled.add(wasThrottled);
        });
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "slow down"));

        RecordingVirtualTimeScheduler clock = new RecordingVirtualTimeScheduler();
        Duration ceiling = Duration.ofSeconds(1); // the first backoff ceiling after throttling
        StepVerifier.withVirtualTime(() -> neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("q"), observed),
                () -> VirtualTimeScheduler.getOrSet(clock), Long.MAX_VALUE)
            .then(() -> assertThat(clock.awaitDelays(1, RecordingVirtualTimeScheduler.atMost(ceiling)))
                .as("the first attempt failed and the retry waits").isTrue())
            .then(() -> assertThat(emulator.requestCount()).isEqualTo(1))
            .thenAwait(ceiling)
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 2)).isTrue())
            .expectNextCount(1)
            .verifyComplete();
        assertThat(throttled).containsExactly(true, false);

        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "slow down"));
        RecordingVirtualTimeScheduler unobservedClock = new RecordingVirtualTimeScheduler();
        StepVerifier.withVirtualTime(() -> neptune.cancelGremlinQuery("q"),
                () -> VirtualTimeScheduler.getOrSet(unobservedClock), Long.MAX_VALUE)
            .then(() -> assertThat(unobservedClock.awaitDelays(1, RecordingVirtualTimeScheduler.atMost(ceiling)))
                .as("the first attempt failed and the retry waits").isTrue())
            .then(() -> assertThat(emulator.requestCount()).isEqualTo(3))
            .thenAwait(ceiling)
            .expectNextCount(1)
            .verifyComplete();
        assertThat(throttled).as("a call without the observer").containsExactly(true, false);
    }
}
