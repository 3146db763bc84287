package io.querystop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.RetryPolicy;
import io.querystop.cloudtrail.CancelQueryResponse;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Route;
import io.querystop.emulator.Fault;
import io.querystop.neptunedata.CancelGremlinQueryRequest;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.CancelOpenCypherQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.errors.NeptuneDataErrors;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.FaultScript;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class BulkCancelIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension(builder -> builder.maxRecordedRequests(16));

    private final Emulator emulator = env.emulator();

    private static <R> Map<CancelOutcome.Status, Long> byStatus(List<CancelOutcome<R>> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(CancelOutcome::status, Collectors.counting()));
    }

    @Test
    void gremlinQueriesAreCancelledAndFinishedOnesReportedNotRunning() {
        for (int i = 0; i < 300; i++) {
            emulator.addGremlinQuery("g-" + i);
        }
        Flux<String> ids = Flux.range(0, 400).map(i -> "g-" + i); // 100 never existed

        List<CancelOutcome<CancelGremlinQueryResponse>> outcomes = env.neptune().cancelGremlinQueries(ids,
            BulkOptions.defaults()).collectList().block(Duration.ofSeconds(60));

        assertThat(byStatus(outcomes)).containsOnly(Map.entry(CancelOutcome.Status.CANCELLED, 300L),
            Map.entry(CancelOutcome.Status.NOT_RUNNING, 100L));
        assertThat(outcomes).filteredOn(o -> o.status() == CancelOutcome.Status.NOT_RUNNING)
            .allSatisfy(o -> assertThat(o.attempts()).isEqualTo(1));
        assertThat(emulator.requestCount()).isEqualTo(400);
    }

    @Test
    void openCypherQueriesWithSilentLoaderJobsAndCloudTrailQueries() throws Exception {
        for (int i = 0; i < 50; i++) {
            emulator.addOpenCypherQuery("oc-" + i, "RETURN 1").addLoaderJob("l-" + i);
        }
        List<String> trail = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = UUID.nameUUIDFromBytes(("ct" + i).getBytes()).toString();
            trail.add(id);
            emulator.addCloudTrailQuery(id, i < 20 ? "RUNNING" : "FINISHED");
        }
        NeptuneDataClient neptune = env.neptune();

        List<CancelOutcome<CancelOpenCypherQueryResponse>> openCypher = neptune.cancelOpenCypherQueries(Flux.range(0, 60).map(i -> "oc-" + i), true, BulkOptions.defaults()).collectList().block();
        assertThat(byStatus(openCypher)).containsOnly(Map.entry(CancelOutcome.Status.CANCELLED, 50L),
            Map.entry(CancelOutcome.Status.NOT_RUNNING, 10L));
        assertThat(emulator.takeRequest().rawQuery()).isEqualTo("silent=true");

        var loads = neptune.cancelLoaderJobs(Flux.range(0, 60).map(i -> "l-" + i), BulkOptions.defaults())
            .collectList().block();
        assertThat(byStatus(loads)).containsOnly(Map.entry(CancelOutcome.Status.CANCELLED, 50L),
            Map.entry(CancelOutcome.Status.NOT_RUNNING, 10L));
        assertThat(loads).filteredOn(o -> o.status() == CancelOutcome.Status.NOT_RUNNING)
            .as("404 BulkLoadIdNotFound is model-retryable, but bulk never retries a not-running answer")
            .allSatisfy(o -> assertThat(o.attempts()).isEqualTo(1));

        List<CancelOutcome<CancelQueryResponse>> cloudTrail = env.cloudTrail().cancelQueries(
            Flux.concat(Flux.fromIterable(trail), Flux.just(UUID.randomUUID().toString())), BulkOptions.defaults())
            .collectList().block();
        assertThat(byStatus(cloudTrail)).containsOnly(Map.entry(CancelOutcome.Status.CANCELLED, 20L),
            Map.entry(CancelOutcome.Status.NOT_RUNNING, 11L));
    }

    @Test
    void badIdsAreFailedOutcomesNotTheStreamsEnd() {
        emulator.addGremlinQuery("ok");
        List<CancelOutcome<CancelGremlinQueryResponse>> outcomes = env.neptune().cancelGremlinQueries(Flux.just("ok", " ", ".."), BulkOptions.defaults().withOrdered(true)).collectList().block();

        assertThat(outcomes).extracting(CancelOutcome::status).containsExactly(CancelOutcome.Status.CANCELLED,
            CancelOutcome.Status.FAILED, CancelOutcome.Status.FAILED);
        assertThat(outcomes.get(1).error()).hasMessageStartingWith("queryId must not be blank");
        assertThat(outcomes.get(1).attempts()).isZero();
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void theServerNeverSeesMoreCallsThanTheConcurrency() {
        emulator.latency(Duration.ofMillis(20));
        for (int i = 0; i < 300; i++) {
            emulator.addGremlinQuery("c-" + i);
        }
        ProgressTracker progress = new ProgressTracker();

        env.neptune().cancelGremlinQueries(Flux.range(0, 300).map(i -> "c-" + i),
                BulkOptions.defaults().withMaxConcurrency(8).withAdaptiveConcurrency(false).withProgress(progress))
            .as(StepVerifier::create)
            .expectNextCount(300)
            .verifyComplete();

        BulkProgress done = progress.snapshot();
        assertThat(done.peakInFlight()).isBetween(2, 8);
        assertThat(emulator.peakConcurrentRequests()).isBetween(2, 8);
        assertThat(done.cancelled()).isEqualTo(300);
        assertThat(done.requested()).isEqualTo(300);
        assertThat(done.inFlight()).isZero();
        assertThat(done.concurrencyLimit()).isEqualTo(8);
    }

    @Test
    void adaptiveConcurrencySettlesNearTheServersCapacityWithNoFailedOutcome() {
        int capacity = 8;
        emulator.latency(Duration.ofMillis(15)).throttleAbove(capacity);
        int ids = 2_000;
        for (int i = 0; i < ids; i++) {
            emulator.addGremlinQuery("a-" + i);
        }
        ProgressTracker progress = new ProgressTracker();
        List<Integer> limits = new java.util.concurrent.CopyOnWriteArrayList<>();

        List<CancelOutcome<CancelGremlinQueryResponse>> outcomes = env.neptune().cancelGremlinQueries(Flux.range(0, ids).map(i -> "a-" + i), BulkOptions.defaults().withMaxConcurrency(64)
                    .withProgress(progress))
            .doOnNext(outcome -> {
                if (outcome.index() % 100 == 0) {
                    limits.add(progress.snapshot().concurrencyLimit());
                }
            })
            .collectList().block(Duration.ofMinutes(2));

        assertThat(byStatus(outcomes)).containsOnly(Map.entry(CancelOutcome.Status.CANCELLED, (long) ids));
        assertThat(emulator.throttledCount()).as("the limit was probed").isPositive();
        double settled = limits.subList(limits.size() / 2, limits.size()).stream().mapToInt(Integer::intValue)
            .average().orElseThrow();
        assertThat(settled).as("mean limit over the second half, capacity " + capacity).isBetween(3.0, 16.0);
        assertThat(progress.snapshot().throttled()).isEqualTo(emulator.throttledCount());
        System.out.printf("adaptive: capacity %d, settled limit %.1f, throttled attempts %d of %d requests%n",
            capacity, settled, emulator.throttledCount(), emulator.requestCount());
    }

    @Test
    void exactlyOneOutcomePerIdUnderTheResilienceFaultScript() {
        int count = 5_000;
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            emulator.addGremlinQuery("f-" + i);
        }
        Function<String, Integer> index = id -> Integer.parseInt(id.substring(2));
        emulator.faultPolicy(request -> FaultScript.faultFor(index.apply(request.id()),
            attempts.computeIfAbsent(request.id(), id -> new AtomicInteger()).incrementAndGet()));
        RetryPolicy fast = RetryPolicy.standard().toBuilder().retryQuota(0, 0)
            .backoff(Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(20)).build();
        AtomicIntegerArray perIndex = new AtomicIntegerArray(count);

        List<CancelOutcome<CancelGremlinQueryResponse>> outcomes = env.neptune().cancelGremlinQueries(Flux.range(0, count).map(i -> "f-" + i),
                BulkOptions.defaults().withAdaptiveConcurrency(false).withRetryPolicy(fast))
            .doOnNext(outcome -> perIndex.incrementAndGet((int) outcome.index()))
            .collectList().block(Duration.ofMinutes(2));

        for (int i = 0; i < count; i++) {
            assertThat(perIndex.get(i)).as("outcomes of index %d", i).isEqualTo(1);
        }
        long fiftieths = count / 50;
        assertThat(byStatus(outcomes)).containsOnly(
            Map.entry(CancelOutcome.Status.CANCELLED, count - 2 * fiftieths),
            Map.entry(CancelOutcome.Status.FAILED, 2 * fiftieths));
        assertThat(outcomes).filteredOn(o -> o.status() == CancelOutcome.Status.FAILED && o.index() % 50 == 5)
            .allSatisfy(o -> assertThat(o.attempts()).isEqualTo(3));
        assertThat(emulator.requestCount()).isEqualTo(FaultScript.expectedRequests(count));
    }

    @Test
    void disposingTheRunStopsEverythingAndNothingIsSentAfterwards() throws Exception {
        for (int i = 0; i < 100; i++) {
            emulator.addGremlinQuery("d-" + i);
        }
        CountDownLatch received = new CountDownLatch(10);
        emulator.faultPolicy(request -> { // every cancel hangs until the client gives up on it
            received.countDown();
            return Fault.noResponse();
        });
        NeptuneDataClient neptune = env.neptune();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch aborted = new CountDownLatch(10);
        // what cancelGremlinQueries does, with each call counted and watched
        var run = BulkCancel.ids(Flux.range(0, 100).map(i -> "d-" + i), (id, options) -> {
                calls.incrementAndGet();
                return neptune.cancelGremlinQuery(new CancelGremlinQueryRequest(id), options)
                    .doOnCancel(aborted::countDown);
            }, NeptuneDataErrors::isNotRunning,
            BulkOptions.defaults().withMaxConcurrency(10).withAdaptiveConcurrency(false)).subscribe();
        assertThat(received.await(10, TimeUnit.SECONDS)).as("ten cancels reached the server").isTrue();

        run.dispose();

        assertThat(aborted.await(10, TimeUnit.SECONDS)).as("the ten calls in flight aborted").isTrue();
        assertThat(calls).as("calls started").hasValue(10);
        assertThat(emulator.requestCount()).isEqualTo(10);
    }

    @Test
    void aClosedClientEndsTheRunWithItsError() {
        NeptuneDataClient neptune = env.neptune();
        neptune.closeLater().block();

        neptune.cancelGremlinQueries(Flux.just("a", "b"), BulkOptions.defaults())
            .as(StepVerifier::create)
            .expectErrorMessage("the client is closed")
            .verify(Duration.ofSeconds(10));
    }
}
