package io.querystop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.test.util.RaceTestUtils;

/**
 * A client error on a call's thread while the drain loop is starting other calls. The engine's state must change only
 * in its drain loop: if the call thread changed it directly, the loop could find its line emptied between looking
 * and taking.
 */
class BulkRaceUnitTests {

    private static final String CLOSED = "the client is closed";

    /** Calls that complete only when the test says so, on whatever thread the test says it. */
    static final class ManualCalls {
        final Map<String, Sinks.One<String>> pending = new ConcurrentHashMap<>();
        final Set<String> started = ConcurrentHashMap.newKeySet();

        Mono<String> call(String id) {
            started.add(id);
            Sinks.One<String> sink = Sinks.one();
            pending.put(id, sink);
            return sink.asMono();
        }

        void complete(String id) {
            pending.remove(id).tryEmitValue("cancelled " + id);
        }

        void failClosed(String id) {
            pending.remove(id).tryEmitError(new IllegalStateException(CLOSED));
        }

        void completeAll() {
            pending.keySet().forEach(this::complete);
        }
    }

    /** Virtual time whose clock runs a hook, once, the next time anything reads it after {@link #armOnce}. */
    static final class HookedClock extends VirtualTimeScheduler {
        private final AtomicReference<Runnable> hook = new AtomicReference<>();

        HookedClock() {
            super(false);
        }

        void armOnce(Runnable action) {
            hook.set(action);
        }

        @Override
        public long now(TimeUnit unit) {
            Runnable action = hook.getAndSet(null);
            if (action != null) {
                action.run();
            }
            return super.now(unit);
        }
    }

    private static BulkOptions fixed(int concurrency) {
        return BulkOptions.defaults().withMaxConcurrency(concurrency).withAdaptiveConcurrency(false)
            .withRetryPolicy(RetryPolicy.none());
    }

    private static void onAnotherThread(Runnable action) {
        Thread thread = new Thread(action, "call-thread");
        thread.start();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClientErrorLandingWhileTheDrainLoopTakesTheNextInputEndsTheRunWithThatError() {
        ManualCalls calls = new ManualCalls();
        HookedClock clock = new HookedClock();

        // Paced at one start a second, so that the drain loop reads the clock between seeing an input in line and
        // taking it: the hook makes the client error land on another thread exactly there.
        StepVerifier.withVirtualTime(() -> BulkCancel.ids(Flux.range(0, 10).map(i -> "id-" + i),
                    (id, options) -> calls.call(id), error -> false, fixed(3).withMaxRequestsPerSecond(1)),
                () -> clock, Long.MAX_VALUE)
            .expectSubscription()
            .then(() -> assertThat(calls.started).containsExactly("id-0"))
            .then(() -> clock.armOnce(() -> onAnotherThread(() -> calls.failClosed("id-0"))))
            .thenAwait(Duration.ofSeconds(1))
            .then(calls::completeAll)
            .assertNext(outcome -> {
                assertThat(outcome.id()).isEqualTo("id-1");
                assertThat(outcome.status()).isEqualTo(CancelOutcome.Status.CANCELLED);
            })
            .expectErrorMessage(CLOSED)
            .verify(Duration.ofSeconds(10));

        assertThat(calls.started).as("id-1 was being started as the error landed; nothing after")
            .containsExactlyInAnyOrder("id-0", "id-1");
    }

    @Test
    void raceAClientErrorAgainstCompletionsThatStartMoreCalls() throws InterruptedException {
        for (int round = 0; round < 300; round++) {
            ManualCalls calls = new ManualCalls();
            List<CancelOutcome<String>> outcomes = new CopyOnWriteArrayList<>();
            AtomicReference<Throwable> error = new AtomicReference<>();
            AtomicInteger completions = new AtomicInteger();
            CountDownLatch ended = new CountDownLatch(1);
            BulkCancel.ids(Flux.range(0, 50).map(i -> "id-" + i), (id, options) -> calls.call(id), e -> false,
                    fixed(4))
                .subscribe(outcomes::add, e -> {
                    error.set(e);
                    ended.countDown();
                }, () -> {
                    completions.incrementAndGet();
                    ended.countDown();
                });
            assertThat(calls.started).hasSize(4);

            RaceTestUtils.race(() -> calls.failClosed("id-0"), () -> calls.complete("id-1"),
                () -> calls.complete("id-2"));
            calls.completeAll(); // whatever the completions started before the error was seen

            assertThat(ended.await(10, TimeUnit.SECONDS)).as("round %d ended", round).isTrue();
            assertThat(error.get()).as("round %d", round).hasMessage(CLOSED);
            assertThat(completions).hasValue(0);
            assertThat(outcomes).extracting(CancelOutcome::id).as("round %d: one outcome per call but id-0", round)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(calls.started.stream().filter(id -> !id.equals("id-0")).toList());
        }
    }
}
