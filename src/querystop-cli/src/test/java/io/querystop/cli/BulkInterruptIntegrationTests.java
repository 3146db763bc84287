package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.testing.EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk run stopped by SIGINT or SIGTERM, in-process with signals the test sends: no more ids are read, the calls in
 * flight finish within the grace period and each id read gets exactly one line, {@code unknown} for those whose
 * answer did not come in time; the exit code is the signal's.
 */
@ExtendWith(CliRun.EmulatorCredentials.class)
class BulkInterruptIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    @TempDir
    Path dir;

    private final Emulator emulator = env.emulator();
    private final CliRun.FakeSignals signals = new CliRun.FakeSignals();
    /** Every id the emulator was asked about. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Records each id and counts {@code latch} down; answers with {@code fault} ({@code null}: normally). */
    private void record(CountDownLatch latch, Fault fault) {
        emulator.faultPolicy(request -> {
            seen.add(request.id());
            latch.countDown();
            return fault;
        });
    }

    private Path ids(int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("q-" + i);
            emulator.addGremlinQuery("q-" + i);
        }
        return Files.write(dir.resolve("ids.txt"), lines);
    }

    private String[] cancel(String file, String... more) {
        List<String> args = new ArrayList<>(List.of("neptunedata", "cancel-gremlin-query", "--query-ids-file", file,
            "--endpoint-url", emulator.endpoint().toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Each id read has one line, the lines are those of the first ids of the input, and the emulator saw no other. */
    private static List<JsonNode> assertOneLinePerIdRead(CliRun run, Set<String> seen) {
        List<JsonNode> lines = run.lines();
        Set<String> ids = lines.stream().map(line -> line.get("id").asText()).collect(Collectors.toSet());
        assertThat(ids).as("one line per id").hasSize(lines.size());
        assertThat(lines.stream().map(line -> line.get("line").asLong()).sorted().toList()).as("line numbers")
            .isEqualTo(LongStream.rangeClosed(1, lines.size()).boxed().toList());
        assertThat(lines).allSatisfy(line -> assertThat(line.get("id").asText()).isEqualTo("q-" + line.get("line")));
        assertThat(ids).as("every id the server saw has its line").containsAll(seen);
        return lines;
    }

    @Test
    void sigtermLetsTheCallsInFlightFinishAndPrintsEveryOutcomeAndTheSummary() throws Exception {
        Path file = ids(5_000);
        emulator.latency(Duration.ofMillis(50));
        CountDownLatch inFlight = new CountDownLatch(40);
        record(inFlight, null);

        var running = CliRun.start(signals, InputStream.nullInputStream(), cancel(file.toString(), "--concurrency",
            "16"));
        assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
        signals.send("TERM");
        CliRun run = running.get(30, TimeUnit.SECONDS);

        assertThat(run.exit()).as(run.err()).isEqualTo(143);
        List<JsonNode> lines = assertOneLinePerIdRead(run, seen);
        assertThat(lines).allSatisfy(line -> assertThat(line.get("outcome").asText()).isEqualTo("cancelled"));
        assertThat(lines.size()).isEqualTo(seen.size()).isLessThan(5_000);
        assertThat(run.err()).contains("SIGTERM: reading no more ids")
            .contains("CancelGremlinQuery: stopped by SIGTERM: " + lines.size() + " cancelled, 0 not running, "
                + "0 failed of " + lines.size() + " ids");
        assertThat(signals.restores()).as("handlers restored").isEqualTo(signals.installs()).isEqualTo(1);
    }

    @Test
    void callsStillUnansweredWhenTheGracePeriodEndsGetUnknownLines() throws Exception {
        Path file = ids(100);
        CountDownLatch inFlight = new CountDownLatch(4);
        record(inFlight, Fault.noResponse());

        var running = CliRun.start(signals, InputStream.nullInputStream(), cancel(file.toString(), "--concurrency",
            "4", "--fixed-concurrency", "--grace-period", "1"));
        assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
        signals.send("TERM");
        CliRun run = running.get(30, TimeUnit.SECONDS);

        assertThat(run.exit()).as(run.err()).isEqualTo(143);
        List<JsonNode> lines = assertOneLinePerIdRead(run, seen);
        assertThat(lines).hasSize(4).allSatisfy(line -> {
            assertThat(line.get("outcome").asText()).isEqualTo("unknown");
            assertThat(line.get("error").get("message").asText()).contains("may have acted");
        });
        assertThat(emulator.requestCount()).as("nothing sent after the stop").isEqualTo(4);
        assertThat(run.err()).contains("stopped by SIGTERM: 0 cancelled, 0 not running, 0 failed, 4 unknown of 4 ids");
    }

    @Test
    void aSecondSignalStopsAtOnceWithoutWaitingForTheGracePeriod() throws Exception {
        Path file = ids(100);
        CountDownLatch inFlight = new CountDownLatch(4);
        record(inFlight, Fault.noResponse());

        // The grace period is the read timeout, 300 s: only the second signal can end this run within the test.
        var running = CliRun.start(signals, InputStream.nullInputStream(), cancel(file.toString(), "--concurrency",
            "4", "--fixed-concurrency", "--cli-read-timeout", "300"));
        assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
        signals.send("INT");
        signals.send("INT");
        CliRun run = running.get(30, TimeUnit.SECONDS);

        assertThat(run.exit()).as(run.err()).isEqualTo(130);
        List<JsonNode> lines = assertOneLinePerIdRead(run, seen);
        assertThat(lines).hasSize(4)
            .allSatisfy(line -> assertThat(line.get("outcome").asText()).isEqualTo("unknown"));
        assertThat(run.err()).contains("stopped by SIGINT");
    }

    @Test
    void aSignalEndsTheReadingOfStandardInputEvenWhileItWaitsForMoreIds() throws Exception {
        for (int i = 1; i <= 3; i++) {
            emulator.addGremlinQuery("q-" + i);
        }
        CountDownLatch answered = new CountDownLatch(3);
        record(answered, null);
        CountDownLatch release = new CountDownLatch(1);
        InputStream neverEnds = new InputStream() { // what a pipe from a producer that went quiet gives
            @Override
            public int read() {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        InputStream stdin = new SequenceInputStream(
            new ByteArrayInputStream("q-1\nq-2\nq-3\n".getBytes(StandardCharsets.UTF_8)), neverEnds);

        try {
            var running = CliRun.start(signals, stdin, cancel("-"));
            assertThat(answered.await(30, TimeUnit.SECONDS)).isTrue();
            signals.send("INT");
            CliRun run = running.get(30, TimeUnit.SECONDS);

            assertThat(run.exit()).as(run.err()).isEqualTo(130);
            assertThat(assertOneLinePerIdRead(run, seen)).hasSize(3)
                .allSatisfy(line -> assertThat(line.get("outcome").asText()).isEqualTo("cancelled"));
            assertThat(run.err()).contains("stopped by SIGINT: 3 cancelled");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRunThatEndsWithoutSignalRestoresTheHandlersAndExitsAsBefore() throws Exception {
        Path file = ids(10);

        CliRun run = CliRun.run(signals, cancel(file.toString()));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(assertOneLinePerIdRead(run, seen)).hasSize(10);
        assertThat(signals.installs()).isEqualTo(1);
        assertThat(signals.restores()).isEqualTo(1);
        signals.send("TERM"); // after the run: nobody listens any more
    }
}
