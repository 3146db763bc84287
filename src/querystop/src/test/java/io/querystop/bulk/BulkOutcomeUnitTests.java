package io.querystop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.AwsErrorDetails;
import io.querystop.AwsServiceException;
import io.querystop.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Exactly one outcome per input, whichever way the run ends and whichever policies are on, with calls answering on
 * other threads in random order: never two for one input, and none lost for an input whose call answered.
 */
class BulkOutcomeUnitTests {

    private static final int INPUTS = 300;
    private static final int UPSTREAM_BREAKS_AFTER = 150;
    private static final int FATAL_AT = 60; // a first occurrence, also when de-duplicating
    private static final int STOP_AFTER = 100;

    enum End { COMPLETE, UPSTREAM_ERROR, CLIENT_ERROR, CANCEL, SUBSCRIBER_THROWS }

    enum Mode { PLAIN, ORDERED, DEDUPLICATED, REQUEUEING }

    static Stream<Arguments> cases() {
        return Stream.of(End.values()).flatMap(end -> Stream.of(Mode.values()).map(mode -> Arguments.of(end, mode)));
    }

    /** The subscriber: records everything, requests all or one at a time, may cancel or throw after some outcomes. */
    static final class Recorder implements CoreSubscriber<CancelOutcome<String>> {
        final List<CancelOutcome<String>> outcomes = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final AtomicInteger completions = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        private final End end;
        private final boolean oneAtATime;
        private Subscription subscription;

        Recorder(End end, boolean oneAtATime) {
            this.end = end;
            this.oneAtATime = oneAtATime;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(oneAtATime ? 1 : Long.MAX_VALUE);
        }

        @Override
        public void onNext(CancelOutcome<String> outcome) {
            outcomes.add(outcome);
            if (outcomes.size() == STOP_AFTER && end == End.CANCEL) {
                subscription.cancel();
                done.countDown();
            } else if (outcomes.size() == STOP_AFTER && end == End.SUBSCRIBER_THROWS) {
                throw new IllegalArgumentException("consumer broke");
            } else if (oneAtATime) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
            done.countDown();
        }

        @Override
        public void onComplete() {
            completions.incrementAndGet();
            done.countDown();
        }
    }

    private static final RuntimeException FINISHED = new RuntimeException("finished");

    private static AwsServiceException throttling() {
        return new AwsServiceException(new AwsErrorDetails("Svc", "CancelThing", 429, "ThrottlingException",
            "slow down", "r", true, true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyInputGetsAtMostOneOutcomeAndEveryAnsweredCallExactlyOne(End end, Mode mode) throws Exception {
        for (int round = 0; round < 12; round++) {
            runOnce(end, mode, new Random(round), round % 2 == 1);
        }
    }

    private void runOnce(End end, Mode mode, Random random, boolean oneAtATime) throws InterruptedException {
        Set<Integer> answered = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> callsOf = new ConcurrentHashMap<>();
        int[] delays = random.ints(INPUTS, 0, 300).toArray();
        ProgressTracker progress = new ProgressTracker();
        BulkOptions options = BulkOptions.defaults().withMaxConcurrency(8).withAdaptiveConcurrency(false)
            .withRetryPolicy(RetryPolicy.none()).withProgress(progress);
        switch (mode) {
            case ORDERED -> options = options.withOrdered(true);
            case DEDUPLICATED -> options = options.withDeduplicate(true);
            case REQUEUEING -> options = options.withAdaptiveConcurrency(true);
            default -> { }
        }
        Flux<Integer> inputs = end == End.UPSTREAM_ERROR
            ? Flux.range(0, UPSTREAM_BREAKS_AFTER).concatWith(Flux.error(new RuntimeException("source broke")))
            : Flux.range(0, INPUTS);
        Recorder recorder = new Recorder(end, oneAtATime);

        BulkCancel.<Integer, String>run(inputs, i -> "id-" + (mode == Mode.DEDUPLICATED ? i % 100 : i), (i, callOptions) -> {
            int call = callsOf.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
            return Mono.delay(Duration.ofNanos(delays[i] * 1_000L), Schedulers.parallel()).flatMap(tick -> {
                if (end == End.CLIENT_ERROR && i == FATAL_AT) {
                    return Mono.error(new IllegalStateException("the client is closed"));
                }
                answered.add(i);
                boolean throttled = mode == Mode.REQUEUEING && i % 5 == 1 && call == 1;
                if (callOptions.attemptObserver() != null) {
                    callOptions.attemptObserver().onAttempt(throttled, delays[i] * 1_000L);
                }
                if (throttled) {
                    return Mono.error(throttling());
                }
                return i % 7 == 3 ? Mono.error(FINISHED) : i % 11 == 5 ? Mono.error(new RuntimeException("boom"))
                    : Mono.just("ok " + i);
            });
        }, error -> error == FINISHED, options).subscribe(recorder);

        assertThat(recorder.done.await(10, TimeUnit.SECONDS)).as("%s %s: the run ended", end, mode).isTrue();
        List<Long> indexes = recorder.outcomes.stream().map(CancelOutcome::index).toList();
        assertThat(indexes).as("no input has two outcomes").doesNotHaveDuplicates();
        if (mode == Mode.ORDERED) {
            assertThat(indexes).isSorted();
        }
        switch (end) {
            case COMPLETE -> {
                assertThat(recorder.completions).hasValue(1);
                assertThat(indexes).containsExactlyInAnyOrderElementsOf(range(INPUTS));
                BulkProgress done = progress.snapshot();
                assertThat(done.completed()).isEqualTo(INPUTS);
                assertThat(done.requested()).isEqualTo(INPUTS);
                assertThat(done.inFlight()).isZero();
                assertThat(callsOf.keySet()).as("a call per input, one per round")
                    .hasSize(mode == Mode.DEDUPLICATED ? 100 : INPUTS);
            }
            case UPSTREAM_ERROR -> {
                assertThat(recorder.errors).singleElement()
                    .satisfies(error -> assertThat(error).hasMessage("source broke"));
                assertThat(indexes).containsExactlyInAnyOrderElementsOf(range(UPSTREAM_BREAKS_AFTER));
            }
            case CLIENT_ERROR -> {
                assertThat(recorder.errors).singleElement()
                    .satisfies(error -> assertThat(error).hasMessage("the client is closed"));
                assertThat(indexes).doesNotContain((long) FATAL_AT)
                    .containsAll(answered.stream().map(Integer::longValue).toList());
            }
            case CANCEL -> {
                assertThat(recorder.outcomes).as("nothing after the cancel").hasSize(STOP_AFTER);
                assertThat(recorder.errors).isEmpty();
                assertThat(recorder.completions).hasValue(0);
            }
            case SUBSCRIBER_THROWS -> {
                assertThat(recorder.outcomes).as("nothing after the throw").hasSize(STOP_AFTER);
                assertThat(recorder.errors).singleElement()
                    .satisfies(error -> assertThat(error).hasMessage("consumer broke"));
            }
        }
        if (mode == Mode.REQUEUEING && end == End.COMPLETE) {
            Map<Long, CancelOutcome<String>> byIndex = recorder.outcomes.stream()
                .collect(Collectors.toMap(CancelOutcome::index, o -> o));
            assertThat(byIndex.get(1L).attempts()).as("throttled, requeued, then answered").isEqualTo(2);
            assertThat(byIndex.get(1L).status()).isEqualTo(CancelOutcome.Status.CANCELLED);
        }
    }

    private static List<Long> range(int count) {
        return new ArrayList<>(LongStream.range(0, count).boxed().toList());
    }
}
