package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.emulator.Emulator;
import io.querystop.testing.EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ids files with lines that cannot be ids: each gets a failed line naming it, and the run goes on. */
@ExtendWith(CliRun.EmulatorCredentials.class)
class BadInputIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    @TempDir
    Path dir;

    private final Emulator emulator = env.emulator();

    /** Line 1 an id, 2 not UTF-8, 3 a NUL, 4 too long, 5 a comment, 6 blank, 7 an id (CRLF), 8 an id. */
    private byte[] badLines() {
        emulator.addGremlinQuery("ok-1").addGremlinQuery("ok-7").addGremlinQuery("ok-8");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("ok-1\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'q', (byte) 0xFF, '\n'});
        bytes.writeBytes("q\u0000-3\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(("l".repeat(5_000) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("# comment\n\nok-7\r\nok-8".getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private void assertBadLinesReported(CliRun run) {
        assertThat(run.exit()).as(run.err()).isEqualTo(254);
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(6);
        JsonNode[] byLine = new JsonNode[9];
        lines.forEach(line -> byLine[line.get("line").asInt()] = line);
        for (int ok : new int[] {1, 7, 8}) {
            assertThat(byLine[ok].get("id").asText()).isEqualTo("ok-" + ok);
            assertThat(byLine[ok].get("outcome").asText()).isEqualTo("cancelled");
        }
        for (int bad : new int[] {2, 3, 4}) {
            assertThat(byLine[bad].has("id")).isFalse();
            assertThat(byLine[bad].get("outcome").asText()).isEqualTo("failed");
            assertThat(byLine[bad].get("error").get("code").asText()).isEqualTo("InvalidInput");
        }
        assertThat(byLine[2].get("error").get("message").asText()).contains("not valid UTF-8");
        assertThat(byLine[3].get("error").get("message").asText()).contains("control character U+0000");
        assertThat(byLine[4].get("error").get("message").asText()).contains("longer than 1024 characters");
        assertThat(run.err()).contains("3 cancelled, 0 not running, 3 failed of 6 ids");
        assertThat(emulator.requestCount()).isEqualTo(3);
    }

    @Test
    void badLinesOfAFileGetFailedLinesAndTheOthersAreCancelled() throws Exception {
        Path file = Files.write(dir.resolve("ids.txt"), badLines());

        CliRun run = CliRun.run(new CliRun.FakeSignals(), "neptunedata", "cancel-gremlin-query", "--query-ids-file",
            file.toString(), "--endpoint-url", emulator.endpoint().toString());

        assertBadLinesReported(run);
    }

    @Test
    void badLinesOfStandardInputToo() {
        CliRun run = CliRun.run(new CliRun.FakeSignals(), new ByteArrayInputStream(badLines()), "neptunedata",
            "cancel-gremlin-query", "--query-ids-file", "-", "--endpoint-url", emulator.endpoint().toString());

        assertBadLinesReported(run);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // a JVM to start on a busy machine
    void lines_of_20_MB_in_a_32_MB_heap_are_skipped_not_kept() throws Exception {
        emulator.addGremlinQuery("ok-1").addGremlinQuery("ok-3");
        Path file = dir.resolve("long.txt");
        byte[] piece = new byte[1 << 20];
        Arrays.fill(piece, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("ok-1\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                out.write(piece);
            }
            out.write("\nok-3\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                out.write(piece); // and the last line, without a newline
            }
        }
        Path out = dir.resolve("out.ndjson");
        Path err = dir.resolve("err.txt");

        Process process = BulkSignalProcessIntegrationTests.cli(out, err, List.of("-Xmx32m"), "neptunedata",
            "cancel-gremlin-query", "--query-ids-file", file.toString(), "--endpoint-url",
            emulator.endpoint().toString()).start();
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        String errText = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(errText).isEqualTo(254);
        assertThat(errText).doesNotContain("OutOfMemoryError").contains("2 cancelled, 0 not running, 2 failed of 4 ids");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(String.join("\n", lines)).contains("{\"line\":2,\"outcome\":\"failed\",\"error\":{\"code\":"
            + "\"InvalidInput\",\"message\":\"the line is longer than 1024 characters, the longest id accepted\"")
            .contains("{\"line\":4,\"outcome\":\"failed\"").contains("{\"id\":\"ok-3\",\"line\":3,\"outcome\":"
                + "\"cancelled\"");
    }
}
