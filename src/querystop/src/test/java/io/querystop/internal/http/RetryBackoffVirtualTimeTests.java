package io.querystop.internal.http;

import static io.querystop.testing.RecordingVirtualTimeScheduler.BACKOFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.errors.ThrottlingException;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.RecordingVirtualTimeScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Standard mode's real backoff, in virtual time: each retry waits on Reactor's timer (so no thread sleeps, and no
 * retry is sent until the virtual clock moves), for a random delay under the full-jitter ceiling (100 ms, then 200 ms;
 * 1 s, then 2 s after throttling), and is sent once the clock has moved by that ceiling. Adaptive mode's rate limiter
 * waits on the same timer.
 */
class RetryBackoffVirtualTimeTests {

    /** How long a request that must not come is waited for. */
    private static final Duration NOT_SENT = Duration.ofMillis(500);

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();
    private final RecordingVirtualTimeScheduler clock = new RecordingVirtualTimeScheduler();

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

    @Test
    void afterThrottlingAdaptiveModeHoldsTheNextCallOnTheTimer() {
        NeptuneDataClient neptune = oneAttemptPerCall(RetryPolicy.adaptive());

        StepVerifier.withVirtualTime(() -> throttledThenNext(neptune), () -> VirtualTimeScheduler.getOrSet(clock),
                Long.MAX_VALUE)
            .then(() -> assertThat(clock.awaitDelays(1, BACKOFF)).as("the next call waits for the limiter").isTrue())
            .then(() -> assertThat(env.nextRequest(Duration.ofSeconds(10)).id()).isEqualTo("throttled"))
            .then(() -> assertThat(env.nextRequest(NOT_SENT)).as("a request sent before the limiter allowed it")
                .isNull())
            .thenAwait(Duration.ofSeconds(2)) // the longest wait: one token at the slowest rate, 0.5 per second
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        assertThat(env.nextRequest(Duration.ofSeconds(10)).id()).isEqualTo("next");
    }

    @Test
    void afterThrottlingStandardModeSendsTheNextCallAtOnce() {
        NeptuneDataClient neptune = oneAttemptPerCall(RetryPolicy.standard());

        StepVerifier.withVirtualTime(() -> throttledThenNext(neptune), () -> VirtualTimeScheduler.getOrSet(clock),
                Long.MAX_VALUE)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        assertThat(clock.delays(BACKOFF)).as("timers armed").isEmpty();
        assertThat(emulator.requestCount()).isEqualTo(2);
    }

    /** No retries, hence no backoff: a timer armed during these calls can only be the rate limiter's. */
    private NeptuneDataClient oneAttemptPerCall(RetryPolicy mode) {
        NeptuneDataClient neptune = env.warmedUpNeptune(b -> b.retryPolicy(mode.toBuilder().maxAttempts(1).build())
            .timeouts(Timeouts.defaults().withCall(Duration.ofHours(1))));
        emulator.addGremlinQuery("next");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "slow down"));
        return neptune;
    }

    /** A throttled call, then at once (so that the limiter's bucket has not refilled) another. */
    private static Mono<CancelGremlinQueryResponse> throttledThenNext(NeptuneDataClient neptune) {
        return neptune.cancelGremlinQuery("throttled")
            .onErrorResume(ThrottlingException.class, throttled -> Mono.empty())
            .then(neptune.cancelGremlinQuery("next"));
    }
}
