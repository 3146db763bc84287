package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.RecordedRequest;
import io.querystop.emulator.Route;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, in-process, against the emulator. Credentials and region come from the AWS default
 * chain's system properties, as a user's environment would supply them.
 */
class CliIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension(builder -> builder.maxRecordedRequests(100));

    @TempDir
    Path dir;

    private final Emulator emulator = env.emulator();

    record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }

        List<JsonNode> lines() throws Exception {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        }
    }

    @BeforeAll
    static void credentialsFromTheDefaultChain() {
        System.setProperty("aws.accessKeyId", Emulator.DEFAULT_ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", Emulator.DEFAULT_SECRET_ACCESS_KEY);
        System.setProperty("aws.region", Emulator.DEFAULT_REGION);
    }

    @AfterAll
    static void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
    }

    private Result run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    private Result run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String endpoint() {
        return emulator.endpoint().toString();
    }

    /** The JVM's exit would wait up to 0.3 s for event loops in epoll_wait; main stops them before it exits. */
    @Test
    void beforeExitingTheSharedEventLoopsTheCommandRanOnAreStopped() throws Exception {
        emulator.addGremlinQuery("q-exit");
        assertThat(run("neptunedata", "cancel-gremlin-query", "--query-id", "q-exit", "--endpoint-url", endpoint())
            .exit()).isZero();
        assertThat(sharedLoopThreads()).as("the command ran on Reactor Netty's shared loops").isNotEmpty();

        Main.stopSharedEventLoops();

        for (Thread loop : sharedLoopThreads()) {
            loop.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(sharedLoopThreads()).isEmpty();
    }

    private static List<Thread> sharedLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.isAlive() && thread.getName().startsWith("reactor-http-"))
            .toList();
    }

    @Test
    void cancelGremlinQueryPrintsTheResponseAsJson() throws Exception {
        emulator.addGremlinQuery("q-1");

        Result result = run("neptunedata", "cancel-gremlin-query", "--query-id", "q-1", "--endpoint-url", endpoint());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.json()).isEqualTo(JSON.readTree("{\"status\":\"200 OK\"}"));
        assertThat(result.out()).isEqualTo("{\n    \"status\": \"200 OK\"\n}" + System.lineSeparator());
    }

    @Test
    void globalOptionsMayComeBeforeTheCommand() throws Exception {
        emulator.addLoaderJob("l-1");

        Result result = run("--endpoint-url", endpoint(), "--region", "us-east-1", "neptunedata",
            "cancel-loader-job", "--load-id", "l-1");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.json().get("status").asText()).isEqualTo("200 OK");
    }

    @Test
    void cancelOpenCypherQuerySendsSilentAsAsked() throws Exception {
        emulator.addOpenCypherQuery("oc-1", "RETURN 1").addOpenCypherQuery("oc-2", "RETURN 2");

        Result silent = run("neptunedata", "cancel-open-cypher-query", "--query-id", "oc-1", "--silent",
            "--endpoint-url", endpoint());
        Result loud = run("neptunedata", "cancel-open-cypher-query", "--query-id", "oc-2", "--no-silent",
            "--endpoint-url", endpoint());

        assertThat(silent.exit()).isZero();
        assertThat(silent.json().get("payload").asBoolean()).isTrue();
        assertThat(loud.exit()).isZero();
        assertThat(emulator.takeRequest().rawQuery()).isEqualTo("silent=true");
        assertThat(emulator.takeRequest().rawQuery()).isEqualTo("silent=false");
    }

    @Test
    void getOpenCypherQueryStatusUsesTheModelsMemberNames() throws Exception {
        emulator.addOpenCypherQuery("oc-3", "MATCH (n) RETURN n");

        Result result = run("neptunedata", "get-open-cypher-query-status", "--query-id", "oc-3", "--endpoint-url",
            endpoint());

        assertThat(result.exit()).isZero();
        assertThat(result.json().get("queryId").asText()).isEqualTo("oc-3");
        assertThat(result.json().get("queryString").asText()).isEqualTo("MATCH (n) RETURN n");
        assertThat(result.json().get("queryEvalStats").get("cancelled").asBoolean()).isFalse();
        assertThat(result.json().get("queryEvalStats").has("subqueries")).isTrue();
    }

    @Test
    void cloudTrailCancelQuery() throws Exception {
        String id = UUID.randomUUID().toString();
        emulator.addCloudTrailQuery(id, "RUNNING");

        Result result = run("cloudtrail", "cancel-query", "--query-id", id, "--event-data-store-owner-account-id",
            "123456789012", "--endpoint-url", endpoint());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.json().get("QueryId").asText()).isEqualTo(id);
        assertThat(result.json().get("QueryStatus").asText()).isEqualTo("CANCELLED");
        assertThat(result.json().get("EventDataStoreOwnerAccountId").asText()).isEqualTo("123456789012");
    }

    @Test
    void aServiceErrorExits254WithTheAwsCliMessage() {
        Result result = run("neptunedata", "cancel-gremlin-query", "--query-id", "gone", "--endpoint-url", endpoint());

        assertThat(result.exit()).isEqualTo(254);
        assertThat(result.err().trim()).isEqualTo("An error occurred (InvalidParameterException) when calling the "
            + "CancelGremlinQuery operation: Supplied queryId gone is invalid");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void aFailureBelowHttpExits255AndDebugShowsTheStackTrace() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Result plain = run("neptunedata", "cancel-gremlin-query", "--query-id", "q",
            "--endpoint-url", "http://127.0.0.1:" + closed, "--cli-connect-timeout", "1");
        Result debug = run("neptunedata", "cancel-gremlin-query", "--query-id", "q",
            "--endpoint-url", "http://127.0.0.1:" + closed, "--debug");

        assertThat(plain.exit()).isEqualTo(255);
        assertThat(plain.err()).contains("CancelGremlinQuery to 127.0.0.1:" + closed + " failed: connection refused")
            .doesNotContain("\tat ");
        assertThat(debug.exit()).isEqualTo(255);
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    void badUsageExits252NamingTheOption() {
        Result missing = run("neptunedata", "cancel-gremlin-query", "--endpoint-url", endpoint());
        Result both = run("neptunedata", "cancel-gremlin-query", "--query-id", "a", "--query-ids-file", "f",
            "--endpoint-url", endpoint());
        Result unknown = run("neptunedata", "cancel-gremlin-query", "--query-id", "a", "--bogus");
        Result blank = run("neptunedata", "cancel-gremlin-query", "--query-id", " ", "--endpoint-url", endpoint());
        Result noEndpoint = run("neptunedata", "cancel-gremlin-query", "--query-id", "a");
        Result badEndpoint = run("neptunedata", "cancel-gremlin-query", "--query-id", "a", "--endpoint-url",
            "ftp:/nowhere");
        Result badCloudTrailId = run("cloudtrail", "cancel-query", "--query-id", "NOT-A-UUID", "--endpoint-url",
            endpoint());

        assertThat(List.of(missing, both, unknown, blank, noEndpoint, badEndpoint, badCloudTrailId))
            .allSatisfy(result -> assertThat(result.exit()).as(result.err()).isEqualTo(252));
        assertThat(missing.err()).contains("--query-id");
        assertThat(both.err()).contains("--query-id", "--query-ids-file");
        assertThat(unknown.err()).contains("--bogus");
        assertThat(blank.err()).contains("argument --query-id: must not be blank");
        assertThat(noEndpoint.err()).contains("argument --endpoint-url is required");
        assertThat(badEndpoint.err()).contains("argument --endpoint-url: must start with https:// or http://");
        assertThat(badCloudTrailId.err()).contains("argument --query-id: must be 36 characters");
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void anUnreadableIdsFileExits252() {
        Result result = run("neptunedata", "cancel-gremlin-query", "--query-ids-file", dir.resolve("none.txt")
            .toString(), "--endpoint-url", endpoint());

        assertThat(result.exit()).isEqualTo(252);
        assertThat(result.err()).contains("argument --query-ids-file: cannot read");
    }

    @Test
    void bulkFromAFileOfTenThousandIdsPrintsOneLinePerIdAndASummary() throws Exception {
        Path file = dir.resolve("ids.txt");
        List<String> lines = new ArrayList<>(List.of("# runaway queries", ""));
        for (int i = 0; i < 10_000; i++) {
            String id = "bulk-" + i;
            lines.add(i % 1_000 == 0 ? "  " + id + "  " : id);
            if (i % 10 != 0) {
                emulator.addGremlinQuery(id); // every tenth id is not running
            }
        }
        Files.write(file, lines);

        Result result = run("neptunedata", "cancel-gremlin-query", "--query-ids-file", file.toString(),
            "--endpoint-url", endpoint(), "--concurrency", "32");

        assertThat(result.exit()).as(result.err()).isZero();
        List<JsonNode> outcomes = result.lines();
        assertThat(outcomes).hasSize(10_000);
        Set<String> ids = new HashSet<>();
        outcomes.forEach(line -> ids.add(line.get("id").asText()));
        assertThat(ids).hasSize(10_000);
        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(
            line -> line.get("outcome").asText(), Collectors.counting()));
        assertThat(counts).containsOnly(Map.entry("cancelled", 9_000L), Map.entry("not_running", 1_000L));
        JsonNode notRunning = outcomes.stream().filter(line -> line.get("outcome").asText().equals("not_running"))
            .findFirst().orElseThrow();
        assertThat(notRunning.get("error").get("code").asText()).isEqualTo("InvalidParameterException");
        assertThat(outcomes.stream().filter(line -> line.get("outcome").asText().equals("cancelled")).findFirst()
            .orElseThrow().get("response").get("status").asText()).isEqualTo("200 OK");
        assertThat(result.err()).contains("CancelGremlinQuery: 9000 cancelled, 1000 not running, 0 failed of 10000");
    }

    @Test
    void bulkFromStandardInputAndAFailureExits254WithAttempts() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            input.append("load-").append(i).append('\n');
            emulator.addLoaderJob("load-" + i);
        }
        emulator.faultPolicy(request -> "load-7".equals(request.id()) ? Fault.respond(503, null, "") : null);

        Result result = run(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
            "neptunedata", "cancel-loader-job", "--load-ids-file", "-", "--endpoint-url", endpoint());

        assertThat(result.exit()).isEqualTo(254);
        List<JsonNode> outcomes = result.lines();
        assertThat(outcomes).hasSize(10_000);
        JsonNode failed = outcomes.stream().filter(line -> line.get("outcome").asText().equals("failed"))
            .collect(Collectors.toList()).get(0);
        assertThat(failed.get("id").asText()).isEqualTo("load-7");
        assertThat(failed.get("error").get("status").asInt()).isEqualTo(503);
        assertThat(failed.get("error").get("attempts").asInt()).isEqualTo(3);
        assertThat(result.err()).contains("9999 cancelled, 0 not running, 1 failed of 10000");
    }

    @Test
    void anIdThrottledEveryTimeFailsWithTheAttemptsOfAllItsRounds() throws Exception {
        emulator.addGremlinQuery("hot").addGremlinQuery("cool");
        emulator.faultPolicy(request -> "hot".equals(request.id())
            ? Fault.error(500, "ThrottlingException", "Rate exceeded") : null);
        Path file = dir.resolve("ids.txt");
        Files.write(file, List.of("hot", "cool"));

        // fixed concurrency: 3 throttling answers (the standard policy's attempts), each call a single attempt
        Result result = run("neptunedata", "cancel-gremlin-query", "--query-ids-file", file.toString(),
            "--fixed-concurrency", "--endpoint-url", endpoint());

        assertThat(result.exit()).isEqualTo(254);
        JsonNode hot = result.lines().stream().filter(line -> line.get("id").asText().equals("hot")).findFirst()
            .orElseThrow();
        assertThat(hot.get("outcome").asText()).isEqualTo("failed");
        assertThat(hot.get("error").get("code").asText()).isEqualTo("ThrottlingException");
        assertThat(hot.get("error").get("attempts").asInt()).as("sent in three calls").isEqualTo(3);
        assertThat(emulator.requestCount()).isEqualTo(4);
    }

    @Test
    void cloudTrailBulkCarriesTheSharedMembersAndReportsBadIdsPerLine() throws Exception {
        String running = UUID.randomUUID().toString();
        emulator.addCloudTrailQuery(running, "RUNNING");
        Path file = dir.resolve("trail.txt");
        Files.write(file, List.of(running, "not-a-uuid", UUID.randomUUID().toString()));

        Result result = run("cloudtrail", "cancel-query", "--query-ids-file", file.toString(),
            "--event-data-store-owner-account-id", "123456789012", "--endpoint-url", endpoint());

        assertThat(result.exit()).isEqualTo(254);
        Map<String, String> byId = result.lines().stream().collect(Collectors.toMap(line -> line.get("id").asText(),
            line -> line.get("outcome").asText()));
        assertThat(byId).containsEntry(running, "cancelled").containsEntry("not-a-uuid", "failed");
        assertThat(byId.values()).containsOnlyOnce("not_running");
        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.bodyUtf8()).contains("\"EventDataStoreOwnerAccountId\":\"123456789012\"");
    }

    @Test
    void theEmulatorCommandServesUntilStopped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuerystopCommand root = new QuerystopCommand(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        picocli.CommandLine commandLine = CommandTree.full(root);
        picocli.CommandLine emulatorLine = commandLine.getSubcommands().get("emulator");
        EmulatorCommand command = emulatorLine.getCommand();
        int[] exit = {-1};
        Thread foreground = new Thread(() -> exit[0] = commandLine.execute("emulator", "--port", "0",
            "--gremlin-queries", "3"));
        foreground.start();
        assertThat(Await.until(Duration.ofSeconds(10), () -> listeningOn(out) != null))
            .as("the emulator command said where it listens").isTrue();
        String endpoint = listeningOn(out);
        assertThat(endpoint).startsWith("http://127.0.0.1:");

        Result result = run("neptunedata", "cancel-gremlin-query", "--query-id", "gremlin-000002", "--endpoint-url",
            endpoint);
        assertThat(result.exit()).as(result.err()).isZero();

        command.stop.countDown(); // what Ctrl-C does
        foreground.join(10_000);
        assertThat(foreground.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
    }

    /** The endpoint from the emulator command's "listening on" line, once the whole line is out. */
    private static String listeningOn(ByteArrayOutputStream out) {
        String text = out.toString(StandardCharsets.UTF_8);
        int at = text.indexOf("listening on ");
        int end = at < 0 ? -1 : text.indexOf('\n', at);
        return end < 0 ? null : text.substring(at + "listening on ".length(), end).trim();
    }
}
