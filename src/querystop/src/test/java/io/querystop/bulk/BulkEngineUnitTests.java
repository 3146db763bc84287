package io.querystop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.RetryPolicy;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The bulk operator with calls the test completes by hand: demand, buffering and termination, exactly. */
class BulkEngineUnitTests {

    /** The engine over calls that ignore the per-call options (these tests script the calls' results directly). */
    private static <R> Flux<CancelOutcome<R>> engine(org.reactivestreams.Publisher<String> inputs,
                                                     java.util.function.Function<String, String> idOf,
                                                     java.util.function.Function<String, Mono<R>> call,
                                                     java.util.function.Predicate<Throwable> notRunning,
                                                     BulkOptions options) {
        return BulkCancel.run(inputs, idOf, (input, callOptions) -> call.apply(input), notRunning, options);
    }


    /** Calls that complete only when the test says so. */
    static final class ManualCalls {
        final Map<String, Sinks.One<String>> pending = new ConcurrentHashMap<>();
        final AtomicInteger started = new AtomicInteger();

        Mono<String> call(String id) {
            started.incrementAndGet();
            Sinks.One<String> sink = Sinks.one();
            pending.put(id, sink);
            return sink.asMono();
        }

        void complete(String id) {
            pending.remove(id).tryEmitValue("cancelled " + id);
        }

        void fail(String id, Throwable error) {
            pending.remove(id).tryEmitError(error);
        }
    }

    private static BulkOptions fixed(int concurrency) {
        return BulkOptions.defaults().withMaxConcurrency(concurrency).withAdaptiveConcurrency(false)
            .withRetryPolicy(RetryPolicy.none());
    }

    private static Flux<String> ids(int count, List<Long> requests) {
        return Flux.range(0, count).map(i -> "id-" + i).doOnRequest(requests::add);
    }

    @Test
    void idsArePulledOnlyIntoFreeSlotsAndASlowConsumerStopsThePulling() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        ManualCalls calls = new ManualCalls();
        Flux<CancelOutcome<String>> outcomes = engine(ids(100, requests), id -> id, calls::call,
            error -> false, fixed(4));

        StepVerifier.create(outcomes, 0)
            .then(() -> {
                assertThat(requests).containsExactly(4L);
                assertThat(calls.started).hasValue(4);
            })
            .then(() -> calls.complete("id-0"))
            .then(() -> calls.complete("id-1"))
            .then(() -> {
                // two outcomes wait for demand: their slots stay taken, nothing more is pulled or started
                assertThat(requests).containsExactly(4L);
                assertThat(calls.started).hasValue(4);
            })
            .thenRequest(1)
            .assertNext(outcome -> assertThat(outcome.id()).isEqualTo("id-0"))
            .then(() -> {
                assertThat(requests).containsExactly(4L, 1L);
                assertThat(calls.started).hasValue(5);
            })
            .thenCancel()
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void everyInputGetsExactlyOneOutcomeAndTheRunCompletes() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        Flux<CancelOutcome<String>> outcomes = engine(ids(1_000, requests), id -> id,
            id -> Mono.just("ok").delayElement(Duration.ofMillis(id.hashCode() & 3)),
            error -> false, fixed(16));

        List<CancelOutcome<String>> all = outcomes.collectList().block(Duration.ofSeconds(30));
        assertThat(all).hasSize(1_000);
        assertThat(all.stream().map(CancelOutcome::index).distinct().count()).isEqualTo(1_000);
        assertThat(requests.stream().mapToLong(Long::longValue).sum()).isBetween(1_000L, 1_016L);
    }

    @Test
    void orderedModeEmitsInInputOrder() {
        Flux<CancelOutcome<String>> outcomes = engine(Flux.range(0, 200).map(i -> "id-" + i), id -> id,
            id -> Mono.just(id).delayElement(Duration.ofMillis((199 - Integer.parseInt(id.substring(3))) % 7)),
            error -> false, fixed(8).withOrdered(true));

        List<Long> indexes = outcomes.map(CancelOutcome::index).collectList().block(Duration.ofSeconds(30));
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertThat(indexes).isEqualTo(expected);
    }

    @Test
    void oneIdsFailureIsItsOutcomeAndNotRunningIsTold() {
        ManualCalls calls = new ManualCalls();
        RuntimeException finished = new RuntimeException("finished");
        Flux<CancelOutcome<String>> outcomes = engine(Flux.just("a", "b", "c"), id -> id, calls::call,
            error -> error == finished, fixed(3));

        StepVerifier.create(outcomes)
            .then(() -> calls.fail("a", new RuntimeException("boom")))
            .assertNext(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.FAILED))
            .then(() -> calls.fail("b", finished))
            .assertNext(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.NOT_RUNNING))
            .then(() -> calls.complete("c"))
            .assertNext(o -> {
                assertThat(o.status()).isEqualTo(CancelOutcome.Status.CANCELLED);
                assertThat(o.response()).isEqualTo("cancelled c");
            })
            .verifyComplete();
    }

    @Test
    void anUpstreamErrorEndsTheStreamAfterTheOutcomesOfEverythingSent() {
        ManualCalls calls = new ManualCalls();
        Flux<String> broken = Flux.concat(Flux.just("a", "b"), Flux.error(new IllegalStateException("file gone")));
        Flux<CancelOutcome<String>> outcomes = engine(broken, id -> id, calls::call, error -> false,
            fixed(4));

        StepVerifier.create(outcomes)
            .then(() -> calls.complete("b"))
            .assertNext(o -> assertThat(o.id()).isEqualTo("b"))
            .then(() -> calls.complete("a"))
            .assertNext(o -> assertThat(o.id()).isEqualTo("a"))
            .expectErrorMessage("file gone")
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aClientErrorEndsTheRunAfterTheCallsInFlightWithoutStartingMore() {
        ManualCalls calls = new ManualCalls();
        Flux<CancelOutcome<String>> outcomes = engine(Flux.range(0, 100).map(i -> "id-" + i), id -> id,
            calls::call, error -> false, fixed(3));

        StepVerifier.create(outcomes)
            .then(() -> calls.fail("id-0", new IllegalStateException("the client is closed")))
            .then(() -> calls.complete("id-1"))
            .assertNext(o -> assertThat(o.id()).isEqualTo("id-1"))
            .then(() -> calls.complete("id-2"))
            .assertNext(o -> assertThat(o.id()).isEqualTo("id-2"))
            .expectErrorMessage("the client is closed")
            .verify(Duration.ofSeconds(10));
        assertThat(calls.started).hasValue(3);
    }

    @Test
    void duplicatesAreSentOnceAndStillGetAnOutcome() {
        AtomicInteger sent = new AtomicInteger();
        Flux<CancelOutcome<String>> outcomes = engine(Flux.just("a", "b", "a", "c", "b", "a"), id -> id,
            id -> Mono.fromCallable(() -> "ok " + sent.incrementAndGet()), error -> false,
            fixed(2).withDeduplicate(true).withOrdered(true));

        List<CancelOutcome<String>> all = outcomes.collectList().block(Duration.ofSeconds(10));
        assertThat(all).extracting(CancelOutcome::status).containsExactly(CancelOutcome.Status.CANCELLED,
            CancelOutcome.Status.CANCELLED, CancelOutcome.Status.DUPLICATE, CancelOutcome.Status.CANCELLED,
            CancelOutcome.Status.DUPLICATE, CancelOutcome.Status.DUPLICATE);
        assertThat(sent).hasValue(3);
    }

    @Test
    void cancellingTheRunStopsPullingAndAbortsTheCallsInFlight() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        AtomicInteger aborted = new AtomicInteger();
        Flux<CancelOutcome<String>> outcomes = engine(ids(100, requests), id -> id,
            id -> Mono.<String>never().doOnCancel(aborted::incrementAndGet), error -> false, fixed(5));

        StepVerifier.create(outcomes)
            .then(() -> assertThat(aborted).as("the five calls are under way").hasValue(0))
            .thenCancel()
            .verify(Duration.ofSeconds(10));

        assertThat(aborted).hasValue(5);
        assertThat(requests).containsExactly(5L);
    }

    @Test
    void aSubscriberCancellingFromInsideOnNextStopsThePullingAtOnce() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        ManualCalls calls = new ManualCalls();
        Flux<CancelOutcome<String>> outcomes = engine(ids(100, requests), id -> id, calls::call, error -> false,
            fixed(2));

        StepVerifier.create(outcomes.take(1), 0)
            .then(() -> calls.complete("id-0")) // waits for demand, holding its slot
            .thenRequest(1) // delivered, and take(1) cancels from inside onNext: that slot frees as the run stops
            .assertNext(o -> assertThat(o.id()).isEqualTo("id-0"))
            .expectComplete()
            .verify(Duration.ofSeconds(10));

        assertThat(requests).containsExactly(2L);
        assertThat(calls.started).hasValue(2);
    }

    @Test
    void aCallThatReturnsNullIsThatInputsFailureNotTheRuns() {
        Flux<CancelOutcome<String>> outcomes = engine(Flux.just("a", "b"), id -> id,
            id -> id.equals("a") ? null : Mono.just("ok"), error -> false, fixed(2).withOrdered(true));

        StepVerifier.create(outcomes)
            .assertNext(o -> {
                assertThat(o.status()).isEqualTo(CancelOutcome.Status.FAILED);
                assertThat(o.error()).hasMessage("the call returned null");
            })
            .assertNext(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.CANCELLED))
            .expectComplete()
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void maxRequestsPerSecondPacesTheStartsOnTheTimer() {
        AtomicInteger started = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> engine(Flux.range(0, 5).map(i -> "id-" + i), id -> id,
                id -> Mono.fromCallable(() -> { started.incrementAndGet(); return id; }), error -> false,
                fixed(5).withMaxRequestsPerSecond(2)))
            .expectNextCount(1)
            .then(() -> assertThat(started).hasValue(1))
            .thenAwait(Duration.ofMillis(500))
            .expectNextCount(1)
            .then(() -> assertThat(started).hasValue(2))
            .thenAwait(Duration.ofMillis(1500))
            .expectNextCount(3)
            .verifyComplete();
    }

    @Test
    void idsAreConsumedLazilyFromAnEndlessSourceAndOutcomesAreNotRetained() {
        AtomicLong generated = new AtomicLong();
        Flux<String> endless = Flux.generate(sink -> sink.next("id-" + generated.getAndIncrement()));
        List<WeakReference<CancelOutcome<String>>> seen = new CopyOnWriteArrayList<>();

        engine(endless, id -> id, id -> Mono.just(id), error -> false, fixed(8))
            .take(20_000)
            .doOnNext(outcome -> {
                if (outcome.index() % 1_000 == 0) {
                    seen.add(new WeakReference<>(outcome));
                }
            })
            .blockLast(Duration.ofSeconds(60));

        assertThat(generated.get()).as("ids generated for 20,000 outcomes").isBetween(20_000L, 20_008L);
        System.gc();
        long alive = seen.stream().filter(ref -> ref.get() != null).count();
        assertThat(alive).as("delivered outcomes still reachable").isLessThanOrEqualTo(1);
    }

    @Test
    void withAdaptiveConcurrencyAnIdThrottledThroughAllRetriesGoesBackInLineNotToFailure() {
        io.querystop.AwsErrorDetails throttling = new io.querystop.AwsErrorDetails("NeptuneData",
            "CancelGremlinQuery", 500, "ThrottlingException", "slow down", "r", true, true);
        AtomicInteger calls = new AtomicInteger();
        Flux<CancelOutcome<String>> outcomes = engine(Flux.just("hot", "always"), id -> id,
            id -> Mono.defer(() -> calls.incrementAndGet() <= 3 || id.equals("always")
                ? Mono.error(new io.querystop.neptunedata.errors.ThrottlingException(throttling)) : Mono.just("ok " + id)),
            error -> false, BulkOptions.defaults().withMaxConcurrency(1).withRetryPolicy(RetryPolicy.none().toBuilder()
                .backoff(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)).build()));

        List<CancelOutcome<String>> all = outcomes.collectList().block(Duration.ofSeconds(10));

        CancelOutcome<String> hot = all.stream().filter(o -> o.id().equals("hot")).findFirst().orElseThrow();
        CancelOutcome<String> always = all.stream().filter(o -> o.id().equals("always")).findFirst().orElseThrow();
        assertThat(hot.status()).isEqualTo(CancelOutcome.Status.CANCELLED);
        assertThat(hot.attempts()).as("attempts add up across requeues").isGreaterThan(1);
        assertThat(always.status()).isEqualTo(CancelOutcome.Status.FAILED);
        assertThat(always.attempts()).isEqualTo(1 + Requeueing.MAX_REQUEUES);
        assertThat(all).hasSize(2);
    }

    @Test
    void aDownstreamThatThrowsEndsTheRunInsteadOfStallingIt() throws InterruptedException {
        // Found with Reactor's blocking iterable under BlockHound: its onNext threw on an event loop, and the run,
        // with its drain loop left raised, never signalled again. Now the run ends with the error.
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicInteger aborted = new AtomicInteger();
        engine(Flux.range(0, 100).map(i -> "id-" + i), id -> id,
                id -> Mono.just(id).delayElement(Duration.ofMillis(1)).doOnCancel(aborted::incrementAndGet),
                error -> false, fixed(4))
            .subscribe(new reactor.core.CoreSubscriber<CancelOutcome<String>>() { // not wrapped in a StrictSubscriber
                private int seen;

                @Override
                public void onSubscribe(org.reactivestreams.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(CancelOutcome<String> outcome) {
                    if (++seen == 3) {
                        throw new IllegalStateException("consumer broke"); // a raw subscriber: nothing catches it
                    }
                }

                @Override
                public void onError(Throwable error) {
                    errors.add(error);
                    ended.countDown();
                }

                @Override
                public void onComplete() {
                }
            });

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).singleElement().satisfies(error -> assertThat(error).hasMessage("consumer broke"));
    }

    private static io.querystop.AwsServiceException throttling() {
        return new io.querystop.AwsServiceException(new io.querystop.AwsErrorDetails("Svc", "CancelThing", 429,
            "ThrottlingException", "slow down", "r", true, true));
    }

    @Test
    void inInputOrderAClientErrorStillDeliversTheOutcomesOfTheCallsSentThenTheError() {
        ManualCalls calls = new ManualCalls();
        Flux<CancelOutcome<String>> outcomes = engine(Flux.range(0, 100).map(i -> "id-" + i), id -> id,
            calls::call, error -> false, fixed(3).withOrdered(true));

        // id-0 never gets an outcome: those after it must not wait for it forever
        StepVerifier.create(outcomes)
            .then(() -> calls.fail("id-0", new IllegalStateException("the client is closed")))
            .then(() -> calls.complete("id-2"))
            .then(() -> calls.complete("id-1"))
            .assertNext(o -> assertThat(o.id()).isEqualTo("id-1"))
            .assertNext(o -> assertThat(o.id()).isEqualTo("id-2"))
            .expectErrorMessage("the client is closed")
            .verify(Duration.ofSeconds(10));
        assertThat(calls.started).hasValue(3);
    }

    @Test
    void aClientErrorWhileAThrottledInputWaitsInLineStillGivesThatInputItsOutcome() {
        ManualCalls calls = new ManualCalls();
        Flux<CancelOutcome<String>> outcomes = BulkCancel.run(Flux.just("hot", "b"), id -> id, (id, options) -> {
            if (id.equals("hot")) { // throttled: the limit drops to 1 and, with b in flight, hot waits in line
                options.attemptObserver().onAttempt(true, 1_000_000);
                return Mono.error(throttling());
            }
            return calls.call(id);
        }, error -> false, BulkOptions.defaults().withMaxConcurrency(2).withRetryPolicy(RetryPolicy.none()));

        StepVerifier.create(outcomes)
            .then(() -> calls.fail("b", new IllegalStateException("the client is closed")))
            .assertNext(o -> {
                assertThat(o.id()).isEqualTo("hot");
                assertThat(o.status()).isEqualTo(CancelOutcome.Status.FAILED);
                assertThat(o.error()).isInstanceOf(io.querystop.AwsServiceException.class);
                assertThat(o.attempts()).isEqualTo(1);
            })
            .expectErrorMessage("the client is closed")
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void withDeduplicationAnInputBackInLineAfterThrottlingIsNotTakenForACopyOfItself() {
        AtomicInteger hotCalls = new AtomicInteger();
        Flux<CancelOutcome<String>> outcomes = engine(Flux.just("hot", "cold", "hot"), id -> id,
            id -> id.equals("hot") && hotCalls.incrementAndGet() == 1 ? Mono.error(throttling()) : Mono.just("ok"),
            error -> false, BulkOptions.defaults().withMaxConcurrency(1).withRetryPolicy(RetryPolicy.none())
                .withDeduplicate(true).withOrdered(true));

        StepVerifier.create(outcomes)
            .assertNext(o -> {
                assertThat(o.id()).isEqualTo("hot");
                assertThat(o.status()).isEqualTo(CancelOutcome.Status.CANCELLED);
                assertThat(o.attempts()).isEqualTo(2);
            })
            .assertNext(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.CANCELLED))
            .assertNext(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.DUPLICATE))
            .verifyComplete();
        assertThat(hotCalls).hasValue(2);
    }

    @Test
    void duplicatesGetTheirOutcomesWithoutWaitingForThePace() {
        AtomicInteger sent = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> engine(Flux.just("a", "a", "a", "b"), id -> id,
                id -> Mono.fromCallable(() -> id + " " + sent.incrementAndGet()), error -> false,
                fixed(4).withDeduplicate(true).withOrdered(true).withMaxRequestsPerSecond(1)))
            .assertNext(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.CANCELLED))
            .assertNext(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.DUPLICATE))
            .assertNext(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.DUPLICATE))
            .expectNoEvent(Duration.ofMillis(999))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(o -> assertThat(o.response()).isEqualTo("b 2"))
            .expectComplete()
            .verify(Duration.ofSeconds(10));
    }
}
