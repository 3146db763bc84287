package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.querystop.emulator.Emulator;
import io.querystop.testing.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: the command line as a child JVM, sent a real SIGTERM (to its pid only) while calls are in flight
 * against the emulator on loopback.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a JVM to start on a busy machine
class BulkSignalProcessIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    @TempDir
    Path dir;

    private final Emulator emulator = env.emulator();

    /** {@code java -cp <this test's class path> io.querystop.cli.Main <args>}, with the emulator's credentials. */
    static ProcessBuilder cli(Path out, Path err, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", Emulator.DEFAULT_ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", Emulator.DEFAULT_SECRET_ACCESS_KEY);
        env.put("AWS_REGION", Emulator.DEFAULT_REGION);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        return builder;
    }

    @Test
    void sigtermToTheProcessPrintsALineForEveryIdReadAndTheSummaryAndExits143() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            ids.add("q-" + i);
            emulator.addGremlinQuery("q-" + i);
        }
        Path file = Files.write(dir.resolve("ids.txt"), ids);
        emulator.latency(Duration.ofMillis(50)); // so that calls are in flight when the signal comes
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch running = new CountDownLatch(200);
        emulator.faultPolicy(request -> {
            seen.add(request.id());
            running.countDown();
            return null;
        });
        Path out = dir.resolve("out.ndjson");
        Path err = dir.resolve("err.txt");

        Process process = cli(out, err, List.of("-Xmx256m"), "neptunedata", "cancel-gremlin-query",
            "--query-ids-file", file.toString(), "--endpoint-url", emulator.endpoint().toString(),
            "--concurrency", "32").start();
        try {
            assertThat(running.await(2, TimeUnit.MINUTES)).as("requests came").isTrue();
            process.destroy(); // SIGTERM to this pid
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("it ended").isTrue();
        } finally {
            process.destroyForcibly();
        }

        String errText = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(errText).isEqualTo(143);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        Set<String> printed = lines.stream().map(line -> line.get("id").asText()).collect(Collectors.toSet());
        assertThat(printed).as("one line per id").hasSize(lines.size());
        assertThat(lines.stream().map(line -> line.get("line").asLong()).sorted().toList())
            .as("a line for every id read, in the order read")
            .isEqualTo(LongStream.rangeClosed(1, lines.size()).boxed().toList());
        assertThat(lines).allSatisfy(line -> assertThat(line.get("outcome").asText())
            .isIn("cancelled", "not_running", "failed", "unknown"));
        assertThat(printed).as("every id the server saw has its line").containsAll(seen);
        assertThat(lines.size()).isLessThan(20_000);
        assertThat(errText).contains("CancelGremlinQuery: stopped by SIGTERM: ").contains(" of " + lines.size()
            + " ids");
    }
}
