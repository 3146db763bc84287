package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.ConnectionPoolSettings;
import io.querystop.RetryPolicy;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * Cancelling the subscriber at any point stops everything: no further attempt is sent, the connection is released or
 * closed (the extension checks the pool after each test), nothing leaks.
 */
class CancellationIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void whileWaitingForAPoolSlot() throws Exception {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        NeptuneDataClient neptune = env.neptune(b -> b.connectionPool(ConnectionPoolSettings.defaults()
            .withMaxConnections(1)));
        Disposable holder = neptune.cancelGremlinQuery("holds-the-connection").subscribe(r -> { }, e -> { });
        assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue();

        neptune.cancelGremlinQuery("waits")
            .as(StepVerifier::create)
            .then(() -> assertThat(Await.until(() -> neptune.connectionPoolStats().pending() == 1)).isTrue())
            .thenCancel()
            .verify(Duration.ofSeconds(5));

        assertThat(Await.until(() -> neptune.connectionPoolStats().pending() == 0)).isTrue();
        holder.dispose();
        assertThat(Await.holdsFor(Duration.ofMillis(500), () -> emulator.requestCount() == 1)).as("the waiting call was never sent").isTrue();
    }

    @Test
    void whileWaitingForHeaders() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());

        env.neptune().cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue())
            .thenCancel()
            .verify(Duration.ofSeconds(5));

        assertThat(Await.until(() -> emulator.clientAborts() == 1)).isTrue();
    }

    @Test
    void whileReadingTheBody() {
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.normal().withDrip(1, Duration.ofMillis(200)));

        env.neptune().cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue())
            .thenAwait(Duration.ofMillis(450))
            .thenCancel()
            .verify(Duration.ofSeconds(5));

        assertThat(Await.until(() -> emulator.clientAborts() == 1)).isTrue();
    }

    @Test
    void whileSleepingInBackoffNoFurtherAttemptIsSent() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, ""));
        RetryPolicy slow = RetryPolicy.standard().toBuilder()
            .backoff(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)).build();
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(slow));

        neptune.cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .then(() -> assertThat(Await.until(() -> emulator.requestCount() == 1)).isTrue())
            .thenCancel()
            .verify(Duration.ofSeconds(5));

        assertThat(Await.holdsFor(Duration.ofMillis(500), () -> emulator.requestCount() == 1)).isTrue();
    }

    @Test
    void whileSending() {
        emulator.addGremlinQuery("q");
        NeptuneDataClient neptune = env.neptune();
        for (int i = 0; i < 50; i++) {
            Disposable call = neptune.cancelGremlinQuery("q").subscribe(r -> { }, e -> { });
            call.dispose(); // at whatever stage the call has reached
        }
        StepVerifier.create(neptune.cancelGremlinQuery("after")).expectError().verify(Duration.ofSeconds(5));
    }

    @Test
    void aCompletedCallIsNotAffectedByALateCancel() {
        emulator.addGremlinQuery("q");
        CancelGremlinQueryResponse response = env.neptune().cancelGremlinQuery("q").block(Duration.ofSeconds(5));
        assertThat(response.status()).isEqualTo("200 OK");
    }
}
