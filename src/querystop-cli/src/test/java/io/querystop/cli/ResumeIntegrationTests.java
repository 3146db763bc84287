package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.testing.EmulatorExtension;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resume}: what earlier runs finished is not sent again, what they did not finish is. */
@ExtendWith(CliRun.EmulatorCredentials.class)
class ResumeIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    @TempDir
    Path dir;

    private final Emulator emulator = env.emulator();
    /** How many times the emulator was asked about each id. */
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    private Path ids(int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("q-" + i);
            emulator.addGremlinQuery("q-" + i);
        }
        return Files.write(dir.resolve("ids.txt"), lines);
    }

    private String[] cancel(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("neptunedata", "cancel-gremlin-query", "--query-ids-file",
            file.toString(), "--endpoint-url", emulator.endpoint().toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void anInterruptedRunThenAResumedOneGiveEveryIdOneFinalOutcomeAndTheServerSeesEachIdOnce() throws Exception {
        Path file = ids(300);
        // slow enough that the 260 ids left after the 40th request take seconds: a paused test thread must not let
        // the first run finish before its signal
        emulator.latency(Duration.ofMillis(200));
        CountDownLatch some = new CountDownLatch(40);
        emulator.faultPolicy(request -> {
            asked.computeIfAbsent(request.id(), id -> new AtomicInteger()).incrementAndGet();
            some.countDown();
            return request.id().equals("q-5") ? Fault.error(403, "AccessDeniedException", "not now") : null;
        });
        CliRun.FakeSignals signals = new CliRun.FakeSignals();
        var first = CliRun.start(signals, InputStream.nullInputStream(), cancel(file, "--concurrency", "8"));
        assertThat(some.await(30, TimeUnit.SECONDS)).isTrue();
        signals.send("TERM");
        CliRun stopped = first.get(30, TimeUnit.SECONDS);
        assertThat(stopped.exit()).as(stopped.err()).isEqualTo(143);
        Path firstOut = Files.writeString(dir.resolve("first.ndjson"), stopped.out());
        Map<String, String> firstOutcomes = outcomes(stopped);
        assertThat(firstOutcomes).containsEntry("q-5", "failed").hasSizeLessThan(300);
        Map<String, Integer> askedInTheFirst = new HashMap<>();
        asked.forEach((id, count) -> askedInTheFirst.put(id, count.get()));

        emulator.faultPolicy(request -> {
            asked.computeIfAbsent(request.id(), id -> new AtomicInteger()).incrementAndGet();
            return null;
        });
        emulator.latency(Duration.ZERO);
        CliRun resumed = CliRun.run(new CliRun.FakeSignals(), cancel(file, "--resume", firstOut.toString()));

        assertThat(resumed.exit()).as(resumed.err()).isZero();
        Map<String, String> secondOutcomes = outcomes(resumed);
        long finishedFirst = firstOutcomes.values().stream().filter(ResumeFiles::isFinal).count();
        assertThat(secondOutcomes).hasSize(300 - (int) finishedFirst).containsEntry("q-5", "cancelled")
            .allSatisfy((id, outcome) -> assertThat(outcome).isEqualTo("cancelled"));
        Map<String, String> finalOutcomes = new HashMap<>(secondOutcomes);
        firstOutcomes.forEach((id, outcome) -> {
            if (ResumeFiles.isFinal(outcome)) {
                assertThat(finalOutcomes.put(id, outcome)).as("sent again: " + id).isNull();
            }
        });
        assertThat(finalOutcomes).hasSize(300);
        asked.forEach((id, count) -> assertThat(count.get()).as(id)
            .isEqualTo(id.equals("q-5") ? askedInTheFirst.get(id) + 1 : 1));
        assertThat(resumed.err()).contains("(" + finishedFirst + " more skipped: finished in the --resume files)");
    }

    private static Map<String, String> outcomes(CliRun run) {
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode line : run.lines()) {
            assertThat(outcomes.put(line.get("id").asText(), line.get("outcome").asText())).isNull();
        }
        return outcomes;
    }

    @Test
    void everyResumeFileCountsAndOnlyCancelledAndNotRunningAreFinal() throws Exception {
        Path file = ids(8);
        Path one = Files.writeString(dir.resolve("one.ndjson"), String.join("\n",
            "{\"id\":\"q-1\",\"line\":1,\"outcome\":\"cancelled\",\"response\":{\"status\":\"200 OK\"}}",
            "{\"id\":\"q-2\",\"line\":2,\"outcome\":\"failed\",\"error\":{\"code\":\"X\",\"attempts\":3}}",
            "{\"line\":3,\"outcome\":\"failed\",\"error\":{\"code\":\"InvalidInput\"}}",
            "",
            "{\"id\":\"q-4\",\"line\":4,\"outcome\":\"unknown\"}\n"));
        Path two = Files.writeString(dir.resolve("two.ndjson"),
            "{\"id\":\"q-5\",\"line\":5,\"outcome\":\"not_running\"}\n{\"id\":\"q-6\",\"outcome\":\"cancelled\"}\n");

        CliRun run = CliRun.run(new CliRun.FakeSignals(), cancel(file, "--resume", one.toString(), "--resume",
            two.toString()));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(outcomes(run).keySet()).containsExactlyInAnyOrder("q-2", "q-3", "q-4", "q-7", "q-8");
        assertThat(run.err()).contains("5 cancelled, 0 not running, 0 failed of 5 ids (3 more skipped");
    }

    @Test
    void aLineThatIsNotAnOutcomeNamesTheFileAndLineAndNothingIsSent() throws Exception {
        Path file = ids(3);
        Path bad = Files.writeString(dir.resolve("bad.ndjson"),
            "{\"id\":\"q-1\",\"outcome\":\"cancelled\"}\n{\"id\":\"q-2\",\"outc\n{\"id\":\"q-3\",\"outcome\":\"cancelled\"}\n");
        Path noOutcome = Files.writeString(dir.resolve("no-outcome.ndjson"), "{\"id\":\"q-1\"}\n");
        Path notUtf8 = Files.write(dir.resolve("latin1.ndjson"), "{\"id\":\"q-\u00e9\",\"outcome\":\"cancelled\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1));

        CliRun malformed = CliRun.run(new CliRun.FakeSignals(), cancel(file, "--resume", bad.toString()));
        CliRun missing = CliRun.run(new CliRun.FakeSignals(), cancel(file, "--resume", noOutcome.toString()));
        CliRun latin1 = CliRun.run(new CliRun.FakeSignals(), cancel(file, "--resume", notUtf8.toString()));
        CliRun absent = CliRun.run(new CliRun.FakeSignals(), cancel(file, "--resume",
            dir.resolve("absent.ndjson").toString()));

        assertThat(List.of(malformed, missing, latin1, absent)).allSatisfy(run -> {
            assertThat(run.exit()).as(run.err()).isEqualTo(CliException.USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("querystop: error: argument --resume: ").doesNotContain("\tat ");
        });
        assertThat(malformed.err()).contains(bad + " line 2: not an outcome line of querystop: not JSON");
        assertThat(missing.err()).contains(noOutcome + " line 1: not an outcome line of querystop: no \"outcome\"");
        assertThat(latin1.err()).contains(notUtf8 + " line 1: not an outcome line of querystop: not valid UTF-8");
        assertThat(absent.err()).contains("absent.ndjson: cannot read");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void theUnfinishedLastLineOfAKilledRunIsIgnoredWithAWarning() throws Exception {
        Path file = ids(3);
        Path killed = Files.writeString(dir.resolve("killed.ndjson"),
            "{\"id\":\"q-1\",\"outcome\":\"cancelled\"}\n{\"id\":\"q-2\",\"outco");

        CliRun run = CliRun.run(new CliRun.FakeSignals(), cancel(file, "--resume", killed.toString()));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(outcomes(run).keySet()).containsExactlyInAnyOrder("q-2", "q-3");
        assertThat(run.err()).contains("querystop: warning: ignoring the unfinished last line 2 of " + killed);
    }
}
