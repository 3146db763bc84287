package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code querystop emulator --instances N}: a cluster whose endpoints it prints, each running its own queries. */
@ExtendWith(CliRun.EmulatorCredentials.class)
class EmulatorCommandIntegrationTests {

    private static final Pattern INSTANCE = Pattern.compile("^  (writer|reader) listening on (\\S+)$",
        Pattern.MULTILINE);

    @Test
    void aClusterPrintsEachInstanceWithItsRoleAndEachQueryIsOnOneInstanceOnly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuerystopCommand root = new QuerystopCommand(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        picocli.CommandLine commandLine = CommandTree.full(root);
        EmulatorCommand command = commandLine.getSubcommands().get("emulator").getCommand();
        int[] exit = {-1};
        Thread foreground = new Thread(() -> exit[0] = commandLine.execute("emulator", "--port", "0",
            "--instances", "3", "--gremlin-queries", "4", "--cloudtrail-queries", "2", "--max-age-seconds", "600"));
        foreground.start();
        try {
            assertThat(Await.until(Duration.ofSeconds(10), () -> out.toString(StandardCharsets.UTF_8)
                .contains("press Ctrl-C"))).as("the emulator command printed its endpoints").isTrue();
            String text = out.toString(StandardCharsets.UTF_8);
            List<String> roles = new ArrayList<>();
            List<String> endpoints = new ArrayList<>();
            Matcher matcher = INSTANCE.matcher(text);
            while (matcher.find()) {
                roles.add(matcher.group(1));
                endpoints.add(matcher.group(2));
            }
            assertThat(text).startsWith("querystop emulated cluster of 3 instances:")
                .contains("CloudTrail Lake: 2 running queries on event data store arn:aws:cloudtrail:");
            assertThat(roles).containsExactly("writer", "reader", "reader");
            assertThat(endpoints).doesNotHaveDuplicates().allSatisfy(endpoint ->
                assertThat(endpoint).startsWith("http://127.0.0.1:"));

            // gremlin-000002 runs on the second instance: only there can it be cancelled
            CliRun elsewhere = CliRun.run(new CliRun.FakeSignals(), "neptunedata", "cancel-gremlin-query", "--query-id",
                "gremlin-000002", "--endpoint-url", endpoints.get(0));
            CliRun there = CliRun.run(new CliRun.FakeSignals(), "neptunedata", "cancel-gremlin-query", "--query-id",
                "gremlin-000002", "--endpoint-url", endpoints.get(1));
            CliRun fourth = CliRun.run(new CliRun.FakeSignals(), "neptunedata", "cancel-gremlin-query", "--query-id",
                "gremlin-000004", "--endpoint-url", endpoints.get(0));

            assertThat(elsewhere.exit()).isEqualTo(254);
            assertThat(elsewhere.err()).contains("InvalidParameterException");
            assertThat(there.exit()).as(there.err()).isZero();
            assertThat(fourth.exit()).as("the fourth goes round to the writer: " + fourth.err()).isZero();
        } finally {
            command.stop.countDown();
            foreground.join(10_000);
        }
        assertThat(foreground.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
    }

    @Test
    void oneInstanceKeepsTheSingleListeningLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuerystopCommand root = new QuerystopCommand(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        picocli.CommandLine commandLine = CommandTree.full(root);
        EmulatorCommand command = commandLine.getSubcommands().get("emulator").getCommand();
        Thread foreground = new Thread(() -> commandLine.execute("emulator", "--port", "0"));
        foreground.start();
        try {
            assertThat(Await.until(Duration.ofSeconds(10), () -> out.toString(StandardCharsets.UTF_8)
                .contains("press Ctrl-C"))).isTrue();
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
            assertThat(lines[0]).matches("querystop emulator listening on http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines[2]).startsWith("  running: 0 Gremlin (gremlin-000001...), 0 openCypher")
                .endsWith("0 loader jobs (load-000001...)");
            assertThat(lines).hasSize(4);
        } finally {
            command.stop.countDown();
            foreground.join(10_000);
        }
    }

    @Test
    void zeroInstancesIsAUsageError() {
        CliRun result = CliRun.run(new CliRun.FakeSignals(), "emulator", "--port", "0", "--instances", "0");

        assertThat(result.exit()).isEqualTo(252);
        assertThat(result.err()).contains("--instances must be at least 1");
    }
}
