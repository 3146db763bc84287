package io.querystop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * Throttling against the emulator: a burst the run must shake off, failing no id and counting every attempt. Whether
 * the in-flight limit climbs back is asserted on counts (the limit seen at each outcome); rates are only printed, as
 * a timing is never a pass/fail assertion here. The climb's exact timing is
 * {@link AdaptiveRecoverySimulationUnitTests}'s, in virtual time.
 */
class BulkThrottlingIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension(builder -> builder.maxRecordedRequests(16));

    private static final int MAX_CONCURRENCY = 32;

    private final Emulator emulator = env.emulator();

    /** One outcome, when it arrived, and the run's in-flight limit then. */
    private record Timed(CancelOutcome<CancelGremlinQueryResponse> outcome, long nanos, int limit) {
    }

    /** A run's outcomes in arrival order, and when it was subscribed. */
    private record Run(List<Timed> outcomes, long startNanos) {
        double seconds() {
            return (outcomes.get(outcomes.size() - 1).nanos() - startNanos) / 1e9;
        }
    }

    private Run run(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            emulator.addGremlinQuery(prefix + i);
        }
        ProgressTracker progress = new ProgressTracker();
        long start = System.nanoTime();
        List<Timed> outcomes = env.neptune().cancelGremlinQueries(Flux.range(0, count).map(i -> prefix + i),
                BulkOptions.defaults().withMaxConcurrency(MAX_CONCURRENCY).withProgress(progress))
            .map(outcome -> new Timed(outcome, System.nanoTime(), progress.snapshot().concurrencyLimit()))
            .collectList().block(Duration.ofMinutes(2));
        return new Run(outcomes, start);
    }

    /** Outcomes per second between the {@code from}-th and the {@code to}-th of those given, in arrival order. */
    private static double rate(List<Timed> outcomes, int from, int to) {
        return (to - from) * 1e9 / (outcomes.get(to).nanos() - outcomes.get(from).nanos());
    }

    @Test
    @Timeout(120) // three runs of 1,000 to 2,000 ids; a few seconds on an idle machine
    void afterAThrottlingBurstTheLimitClimbsBackAndNoIdFails() {
        int count = 2_000;
        int burst = 100;
        run("w-", 1_000); // warms up the JIT and the pool: the first run of a JVM is slower
        Run unthrottled = run("u-", count);
        double baseline = rate(unthrottled.outcomes(), 300, 1_700);

        AtomicInteger served = new AtomicInteger();
        AtomicLong recoveredAt = new AtomicLong();
        emulator.faultPolicy(request -> {
            int n = served.incrementAndGet();
            if (n <= burst) {
                return Fault.error(500, "ThrottlingException", "Rate exceeded");
            }
            recoveredAt.compareAndSet(0, System.nanoTime());
            return null;
        });
        Run run = run("b-", count);
        List<Timed> throttled = run.outcomes();

        List<Timed> afterRecovery = throttled.stream().filter(t -> t.nanos() > recoveredAt.get()).toList();
        // reported, not asserted: from the 500th outcome after the burst, once the limit has had successes to climb
        double regained = afterRecovery.size() > 1_600 ? rate(afterRecovery, 500, 1_600) : 0;
        int lowest = throttled.stream().mapToInt(Timed::limit).min().orElseThrow();
        int peakAfter = afterRecovery.stream().mapToInt(Timed::limit).max().orElse(0);
        System.out.printf("throttling burst: limit down to %d, back up to %d of %d; unthrottled %.0f/s, after the"
                + " burst %.0f/s (%.0f%%), 500 outcomes %.2f s after it ended; the run took %.2f s unthrottled,"
                + " %.2f s with the burst, %d failed%n",
            lowest, peakAfter, MAX_CONCURRENCY, baseline, regained, 100 * regained / baseline,
            afterRecovery.size() > 500 ? (afterRecovery.get(500).nanos() - recoveredAt.get()) / 1e9 : -1.0,
            unthrottled.seconds(), run.seconds(),
            throttled.stream().filter(t -> t.outcome().status() != CancelOutcome.Status.CANCELLED).count());
        assertThat(throttled).hasSize(count)
            .allSatisfy(t -> assertThat(t.outcome().status()).isEqualTo(CancelOutcome.Status.CANCELLED));
        int attempts = throttled.stream().mapToInt(t -> t.outcome().attempts()).sum();
        assertThat(attempts).as("attempts reported in all: every request the server saw").isEqualTo(served.get())
            .isEqualTo(count + burst);
        assertThat(afterRecovery.size()).as("outcomes after the burst").isGreaterThan(1_700);
        assertThat(lowest).as("the burst halved the limit down to").isLessThanOrEqualTo(2);
        // How far it climbs depends on the machine: it grows only on answers not slowed by queueing, and a loopback
        // emulator on the same cores reaches its full rate at about 10 in flight. Doubling from its lowest takes a
        // handful of such answers among the 1,900 that follow; a limit that never climbs back stays at its lowest.
        assertThat(peakAfter).as("the limit climbed back after the burst, from its lowest, to at least")
            .isGreaterThanOrEqualTo(Math.max(AdaptiveLimit.INITIAL, 2 * lowest));
    }
}
