package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.RetryPolicy;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.errors.ThrottlingException;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * {@link RetryPolicy#adaptive()} wires the client's send-rate limiter: once the service throttles, the client's next
 * call waits for the limiter (on Reactor's timer, here in virtual time) before it is sent. One attempt per call, so
 * that backoff plays no part.
 */
class AdaptiveRetryIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void afterThrottlingTheAdaptiveLimiterHoldsTheNextCall() {
        NeptuneDataClient neptune = throttledOnce(RetryPolicy.builder().maxAttempts(1).adaptive(true).build());

        StepVerifier.withVirtualTime(() -> neptune.cancelGremlinQuery("q"))
            .then(() -> assertThat(Await.holdsFor(Duration.ofMillis(300), () -> emulator.requestCount() == 1))
                .as("not sent while the limiter holds it").isTrue())
            .thenAwait(Duration.ofSeconds(3)) // the limiter's rate after one throttle is at least 0.5 per second
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 2)).isTrue())
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();
    }

    @Test
    void withoutAdaptiveModeTheNextCallGoesAtOnce() {
        NeptuneDataClient neptune = throttledOnce(RetryPolicy.none());

        StepVerifier.withVirtualTime(() -> neptune.cancelGremlinQuery("q"))
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 2)).isTrue())
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();
    }

    private NeptuneDataClient throttledOnce(RetryPolicy policy) {
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(policy));
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "slow down"));
        StepVerifier.create(neptune.cancelGremlinQuery("q"))
            .expectError(ThrottlingException.class)
            .verify(Duration.ofSeconds(5));
        return neptune;
    }
}
