package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Closing: close-and-wait lets the calls in flight finish within its bound, then cuts short what is left; new calls
 * are refused at once; an event loop is never blocked.
 */
class LifecycleIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void closeAndWaitLetsACallInFlightFinish() throws Exception {
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.normal().withHeaderDelay(Duration.ofMillis(300)));
        NeptuneDataClient neptune = env.neptune();
        CompletableFuture<CancelGremlinQueryResponse> call = neptune.cancelGremlinQuery("q").toFuture();
        assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue();

        assertThat(neptune.close(Duration.ofSeconds(10))).isTrue();

        assertThat(call).as("the call subscribed before close").isCompleted();
        assertThat(call.get().status()).isEqualTo("200 OK");
        StepVerifier.create(neptune.cancelGremlinQuery("after"))
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("the client is closed"))
            .verify(Duration.ofSeconds(10));
        assertThat(emulator.requestCount()).as("a call after close is never sent").isEqualTo(1);
    }

    @Test
    void closeAndWaitIsBoundedAndCutsShortWhatIsStillRunning() throws Exception {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        NeptuneDataClient neptune = env.neptune();
        CompletableFuture<CancelGremlinQueryResponse> call = neptune.cancelGremlinQuery("q").toFuture();
        assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue();

        assertThat(neptune.close(Duration.ofMillis(300))).as("a call was still running at the bound").isFalse();

        assertThat(call).failsWithin(Duration.ofSeconds(10))
            .withThrowableOfType(ExecutionException.class)
            .havingCause()
            .isExactlyInstanceOf(IllegalStateException.class)
            .withMessage("the client was closed while the call was in flight");
        assertThat(Await.until(() -> emulator.clientAborts() == 1)).as("its connection was closed").isTrue();
    }

    @Test
    void closeLaterEndsTheCallsInFlightAtOnce() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        NeptuneDataClient neptune = env.neptune();

        StepVerifier.create(neptune.cancelGremlinQuery("q"))
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue())
            .then(() -> neptune.closeLater().block(Duration.ofSeconds(10)))
            .expectErrorMessage("the client was closed while the call was in flight")
            .verify(Duration.ofSeconds(10));
        // The emulator may see the close after the caller saw the error: counted after the reset, it would be the
        // next test's second abort.
        assertThat(Await.until(() -> emulator.clientAborts() == 1)).as("its connection was closed").isTrue();
    }

    @Test
    void closeAndWaitOnAnEventLoopOnlyStartsClosing() {
        NeptuneDataClient neptune = env.neptune();

        StepVerifier.create(Mono.fromCallable(() -> neptune.close(Duration.ofSeconds(10)))
                .subscribeOn(Schedulers.parallel()))
            .expectNext(false) // BlockHound fails the test if it blocked
            .verifyComplete();

        StepVerifier.create(neptune.closeLater()).verifyComplete();
        StepVerifier.create(neptune.cancelGremlinQuery("q")).expectError(IllegalStateException.class).verify();
    }

    @Test
    void closingTwiceIsHarmless() {
        NeptuneDataClient neptune = env.neptune();
        assertThat(neptune.close(Duration.ofSeconds(10))).isTrue();
        assertThat(neptune.close(Duration.ofSeconds(10))).isTrue();
        StepVerifier.create(neptune.closeLater()).expectComplete().verify(Duration.ofSeconds(10));
        assertThat(CompletableFuture.runAsync(neptune::close).orTimeout(10, TimeUnit.SECONDS)).succeedsWithin(
            Duration.ofSeconds(10));
    }
}
