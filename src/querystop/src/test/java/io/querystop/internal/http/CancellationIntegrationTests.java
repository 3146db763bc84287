package io.querystop.internal.http;

import static io.querystop.testing.RecordingVirtualTimeScheduler.BACKOFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.ConnectionPoolSettings;
import io.querystop.ConnectionPoolStats;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.RecordedRequest;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.errors.InvalidParameterException;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.RecordingVirtualTimeScheduler;
import io.querystop.testing.StalledBodyServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Cancelling the subscriber at any point stops everything: no further attempt is sent, the connection is released or
 * closed (the extension checks the pool after each test), nothing leaks; a cancel that comes after the answer changes
 * nothing.
 */
class CancellationIntegrationTests {

    /** How long a request that must not come is waited for. */
    private static final Duration NOT_SENT = Duration.ofMillis(500);

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void whileWaitingForAPoolSlot() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());
        emulator.addGremlinQuery("after");
        NeptuneDataClient neptune = env.neptune(b -> b.connectionPool(ConnectionPoolSettings.defaults()
            .withMaxConnections(1)));
        Disposable holder = neptune.cancelGremlinQuery("holds-the-connection").subscribe(r -> { }, e -> { });
        assertThat(env.nextRequest(Duration.ofSeconds(10)).id()).isEqualTo("holds-the-connection");

        neptune.cancelGremlinQuery("waits")
            .as(StepVerifier::create)
            .then(() -> assertThat(Await.until(() -> neptune.connectionPoolStats().pending() == 1))
                .as("the call waits for the one connection").isTrue())
            .thenCancel()
            .verify(Duration.ofSeconds(10));

        assertThat(Await.until(() -> neptune.connectionPoolStats().pending() == 0))
            .as("the cancelled call left the queue").isTrue();
        holder.dispose();
        // First come, first served: a cancelled call still queued would take the freed connection before this one.
        neptune.cancelGremlinQuery("after")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        assertThat(env.nextRequest(Duration.ofSeconds(10)).id()).as("the request after the holder's").isEqualTo("after");
        assertThat(emulator.requestCount()).as("the cancelled call was never sent").isEqualTo(2);
        // counted now, not after the reset where it would be the next test's
        assertThat(Await.until(() -> emulator.clientAborts() == 1)).as("the holder's exchange was aborted").isTrue();
    }

    @Test
    void whileWaitingForHeaders() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.noResponse());

        env.neptune().cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .then(() -> assertThat(env.nextRequest(Duration.ofSeconds(10))).as("the request was sent").isNotNull())
            .thenCancel()
            .verify(Duration.ofSeconds(10));

        assertThat(Await.until(() -> emulator.clientAborts() == 1)).as("the emulator saw the exchange aborted")
            .isTrue();
    }

    @Test
    void whileReadingTheBody() throws Exception {
        try (StalledBodyServer server = StalledBodyServer.start("{\"status\":\"200 OK\"}", 5)) {
            NeptuneDataClient neptune = env.neptune(b -> b.endpoint(server.endpoint()));

            neptune.cancelGremlinQuery("q")
                .as(StepVerifier::create)
                .then(() -> assertThat(server.awaitBodyStarted(Duration.ofSeconds(10)))
                    .as("the headers and the first body bytes were sent").isTrue())
                .thenCancel()
                .verify(Duration.ofSeconds(10));

            // The answer is incomplete, so the connection cannot go back to the pool: it must be closed.
            assertThat(server.awaitClientClosed(Duration.ofSeconds(10))).as("the client closed the connection").isTrue();
        }
    }

    @Test
    void whileSleepingInBackoffNoFurtherAttemptIsSent() {
        NeptuneDataClient neptune = env.warmedUpNeptune(b -> b.retryPolicy(RetryPolicy.standard())
            .timeouts(Timeouts.defaults().withCall(Duration.ofHours(1))));
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, ""));
        RecordingVirtualTimeScheduler clock = new RecordingVirtualTimeScheduler();
        AtomicReference<Subscription> subscription = new AtomicReference<>();

        StepVerifier.withVirtualTime(() -> neptune.cancelGremlinQuery("q"), () -> VirtualTimeScheduler.getOrSet(clock),
                Long.MAX_VALUE)
            .consumeSubscriptionWith(subscription::set)
            .then(() -> assertThat(clock.awaitDelays(1, BACKOFF)).as("the first attempt failed and the retry waits")
                .isTrue())
            .then(() -> subscription.get().cancel())
            .thenAwait(Duration.ofMinutes(1)) // past every backoff ceiling, on the virtual clock
            .then(() -> {
                assertThat(env.nextRequest(Duration.ofSeconds(10)).id()).isEqualTo("q");
                assertThat(env.nextRequest(NOT_SENT)).as("an attempt sent after the cancel").isNull();
            })
            .thenCancel()
            .verify(Duration.ofSeconds(10));

        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void callsCancelledAtOnceLeaveNoConnectionBehindAndTheClientUsable() {
        emulator.addGremlinQuery("after");
        // Fewer connections than cancelled calls: calls that kept theirs would leave none for the last call.
        NeptuneDataClient neptune = env.neptune(b -> b.connectionPool(ConnectionPoolSettings.defaults()
            .withMaxConnections(4).withPendingAcquireTimeout(Duration.ofSeconds(10))));
        Map<Integer, List<Throwable>> signals = new ConcurrentHashMap<>();
        for (int i = 0; i < 50; i++) {
            int index = i;
            Consumer<Throwable> record = signal -> signals.computeIfAbsent(index, k -> new CopyOnWriteArrayList<>())
                .add(signal);
            Disposable call = neptune.cancelGremlinQuery("q-" + i).subscribe(r -> record.accept(null), record,
                () -> record.accept(null));
            call.dispose(); // at whatever stage the call has reached: credentials, admission, connect or send
        }

        neptune.cancelGremlinQuery("after")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        // A preempted test thread may cancel only after a call was answered; such a call has its one true answer.
        signals.forEach((index, received) -> assertThat(received).as("signals of call %d", index).singleElement()
            .isInstanceOf(InvalidParameterException.class));
    }

    @Test
    void aCompletedCallIsNotAffectedByALateCancel() throws Exception {
        emulator.addGremlinQuery("q");
        NeptuneDataClient neptune = env.neptune();
        List<String> signals = new CopyOnWriteArrayList<>();
        CountDownLatch terminated = new CountDownLatch(1);
        AtomicReference<Subscription> subscription = new AtomicReference<>();

        // A plain Reactive Streams subscriber: unlike Reactor's own, it passes a cancel after completion on upstream.
        neptune.cancelGremlinQuery("q").subscribe(new Subscriber<CancelGremlinQueryResponse>() {
            @Override
            public void onSubscribe(Subscription s) {
                subscription.set(s);
                s.request(1);
            }

            @Override
            public void onNext(CancelGremlinQueryResponse response) {
                signals.add(response.status());
            }

            @Override
            public void onError(Throwable error) {
                signals.add("error " + error);
                terminated.countDown();
            }

            @Override
            public void onComplete() {
                signals.add("complete");
                terminated.countDown();
            }
        });
        assertThat(terminated.await(10, TimeUnit.SECONDS)).isTrue();
        subscription.get().cancel();

        assertThat(signals).containsExactly("200 OK", "complete");
        assertConnectionKeptAndOneRequest(neptune);
    }

    @Test
    void aCancelOnReceivingTheAnswerKeepsTheAnswerAndTheConnection() throws Exception {
        emulator.addGremlinQuery("q");
        NeptuneDataClient neptune = env.neptune();
        List<String> signals = new CopyOnWriteArrayList<>();
        CountDownLatch received = new CountDownLatch(1);

        // The latest cancel there can be before completion: from inside onNext, as take(1) or next() would do.
        neptune.cancelGremlinQuery("q").subscribe(new BaseSubscriber<CancelGremlinQueryResponse>() {
            @Override
            protected void hookOnNext(CancelGremlinQueryResponse response) {
                signals.add(response.status());
                cancel();
                received.countDown();
            }

            @Override
            protected void hookOnError(Throwable error) {
                signals.add("error " + error);
            }
        });
        assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(signals).containsExactly("200 OK");
        assertConnectionKeptAndOneRequest(neptune);
    }

    /**
     * The cancelled query is cancelled at the service, the one request was not repeated, and its connection went back
     * to the pool (a cancel that reached the exchange would have closed it, leaving none idle).
     */
    private void assertConnectionKeptAndOneRequest(NeptuneDataClient neptune) {
        assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "q")).contains("CANCELLED");
        assertThat(Await.until(() -> {
            ConnectionPoolStats stats = neptune.connectionPoolStats();
            return stats.active() == 0 && stats.idle() == 1;
        })).as("one idle pooled connection: %s", neptune.connectionPoolStats()).isTrue();
        RecordedRequest request = env.nextRequest(Duration.ofSeconds(10));
        assertThat(request.id()).isEqualTo("q");
        assertThat(emulator.requestCount()).isEqualTo(1);
    }
}
