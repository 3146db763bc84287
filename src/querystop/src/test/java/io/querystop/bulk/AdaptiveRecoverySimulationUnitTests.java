package io.querystop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.AwsErrorDetails;
import io.querystop.CallOptions;
import io.querystop.neptunedata.errors.ThrottlingException;
import io.querystop.testing.RecordingVirtualTimeScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A bulk run against a simulated service in virtual time, millisecond by millisecond: the service answers in 10 ms,
 * and throttles a burst of 100 requests once the run is at full speed, which halves the limit round trip after round
 * trip. Every figure is exact: the calls on the wire, the ids waiting out a backoff, the limit.
 */
class AdaptiveRecoverySimulationUnitTests {

    private static final int IDS = 2_000;
    private static final int CONCURRENCY = 32;
    private static final int BURST_FROM = 500;
    private static final int BURST = 100;
    private static final long ROUND_TRIP_MS = 10;

    private final RecordingVirtualTimeScheduler clock = new RecordingVirtualTimeScheduler();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger onWire = new AtomicInteger();
    private final AtomicInteger peakOnWire = new AtomicInteger();
    /** Ids whose last answer was throttling and whose next call has not started. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger peakWaiting = new AtomicInteger();

    @AfterEach
    void resetClock() {
        VirtualTimeScheduler.reset();
    }

    /** The simulated service: requests BURST_FROM+1 to BURST_FROM+BURST are throttled, the others succeed. */
    private Mono<String> call(String id, CallOptions options) {
        return Mono.defer(() -> {
            waiting.remove(id);
            peakOnWire.accumulateAndGet(onWire.incrementAndGet(), Math::max);
            int n = served.incrementAndGet();
            boolean throttled = n > BURST_FROM && n <= BURST_FROM + BURST;
            Duration latency = Duration.ofMillis(ROUND_TRIP_MS);
            return Mono.delay(latency).then(Mono.fromCallable(() -> {
                onWire.decrementAndGet();
                options.attemptObserver().onAttempt(throttled, latency.toNanos());
                if (throttled) {
                    waiting.add(id);
                    peakWaiting.accumulateAndGet(waiting.size(), Math::max);
                    throw new ThrottlingException(new AwsErrorDetails("NeptuneData", "CancelGremlinQuery", 500,
                        "ThrottlingException", "slow down", "r", true, true));
                }
                return "cancelled " + id;
            }));
        });
    }

    @Test
    void throttledIdsWaitOffTheWireAndTheLimitClimbsBackWhenTheBurstEnds() {
        VirtualTimeScheduler.getOrSet(clock);
        ProgressTracker progress = new ProgressTracker();
        List<CancelOutcome<String>> outcomes = new CopyOnWriteArrayList<>();
        AtomicBoolean completed = new AtomicBoolean();
        Disposable run = BulkCancel.ids(Flux.range(0, IDS).map(i -> "id-" + i), this::call, error -> false,
                BulkOptions.defaults().withMaxConcurrency(CONCURRENCY).withProgress(progress))
            .subscribe(outcomes::add, error -> { }, () -> completed.set(true));

        long burstEndedMs = -1;
        long fullWhileWaitingMs = -1;
        int waitingWhenFull = 0;
        long limitBackMs = -1;
        int lowestLimit = CONCURRENCY;
        for (long ms = 1; ms <= 120_000 && !completed.get(); ms++) {
            clock.advanceTimeBy(Duration.ofMillis(1));
            if (burstEndedMs < 0 && served.get() > BURST_FROM + BURST) {
                burstEndedMs = ms;
            }
            if (burstEndedMs >= 0 && fullWhileWaitingMs < 0 && onWire.get() == CONCURRENCY) {
                fullWhileWaitingMs = ms;
                waitingWhenFull = waiting.size();
            }
            int limit = progress.snapshot().concurrencyLimit();
            lowestLimit = served.get() > BURST_FROM ? Math.min(lowestLimit, limit) : lowestLimit;
            if (burstEndedMs >= 0 && limitBackMs < 0 && limit >= 0.8 * CONCURRENCY) {
                limitBackMs = ms;
            }
        }
        run.dispose();

        assertThat(completed).as("the run completed").isTrue();
        assertThat(outcomes).hasSize(IDS)
            .allSatisfy(o -> assertThat(o.status()).isEqualTo(CancelOutcome.Status.CANCELLED));
        assertThat(outcomes.stream().mapToInt(CancelOutcome::attempts).sum()).as("attempts in all")
            .isEqualTo(served.get()).isEqualTo(IDS + BURST);
        assertThat(peakOnWire).as("calls on the wire").hasValueLessThanOrEqualTo(CONCURRENCY);
        assertThat(peakWaiting.get()).as("ids waiting out a backoff at once").isGreaterThan(CONCURRENCY)
            .isLessThanOrEqualTo(BulkOptions.BACKOFF_PER_SLOT * CONCURRENCY);
        assertThat(burstEndedMs).as("the burst ended").isPositive();
        assertThat(lowestLimit).as("the limit the burst left").isLessThanOrEqualTo(CONCURRENCY / 8);
        // additive increase alone (one per round trip) would take 20 round trips from 4 to 80%: the limit grows
        // back by one per success up to half its value when the burst began, 16, then one per round trip
        // the throttled ids wait up to 1 s (the standard policy's first throttling backoff): most still wait while
        // fresh ids fill every slot
        assertThat(fullWhileWaitingMs - burstEndedMs).as("ms until every slot was on the wire again")
            .isBetween(0L, 30 * ROUND_TRIP_MS);
        assertThat(waitingWhenFull).as("ids still waiting then, holding no slot").isGreaterThan(CONCURRENCY);
        assertThat(limitBackMs - burstEndedMs).as("ms until the limit was back at 80% of the maximum")
            .isBetween(0L, 16 * ROUND_TRIP_MS);
        assertThat(clock.delays(RecordingVirtualTimeScheduler.BACKOFF)).as("the line's wake-ups: backoffs")
            .allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(4)));
        System.out.printf("simulation: burst ended at %d ms leaving the limit at %d; %d ms later all %d slots on the wire with %d ids"
                + " waiting; %d ms later the limit at 80%%; peak waiting %d%n", burstEndedMs, lowestLimit,
            fullWhileWaitingMs - burstEndedMs, CONCURRENCY, waitingWhenFull, limitBackMs - burstEndedMs,
            peakWaiting.get());
    }
}
