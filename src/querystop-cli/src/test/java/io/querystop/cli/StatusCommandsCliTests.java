package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.querystop.testing.CannedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Neptune listing and status commands against a canned loopback server: what each sends, what it prints (the
 * answer's members as the service named them, absent ones left out), and how a service error and bad input end.
 */
@ExtendWith(CliRun.EmulatorCredentials.class)
class StatusCommandsCliTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CannedServer server = CannedServer.start();

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--endpoint-url";
        all[args.length + 1] = server.endpoint();
        return CliRun.run(new CliRun.FakeSignals(), all);
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void listGremlinQueriesIncludingWaitingPrintsTheListing() throws Exception {
        String body = "{\"acceptedQueryCount\":2,\"runningQueryCount\":1,\"queries\":[{\"queryId\":\"q-1\","
            + "\"queryString\":\"g.V()\",\"queryEvalStats\":{\"waited\":3,\"elapsed\":40,\"cancelled\":false,"
            + "\"subqueries\":0}},{\"queryId\":\"q-2\",\"queryEvalStats\":{\"waited\":9,\"elapsed\":0,"
            + "\"cancelled\":false,\"subqueries\":{\"a\":null}}}]}";
        server.enqueue(200, body);

        CliRun run = run("neptunedata", "list-gremlin-queries", "--include-waiting");

        assertThat(json(run)).isEqualTo(JSON.readTree(body));
        assertThat(run.out()).startsWith("{\n    \"acceptedQueryCount\": 2,");
        CannedServer.Request sent = server.takeRequest();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.target()).isEqualTo("/gremlin/status?includeWaiting=true");
    }

    @Test
    void listOpenCypherQueriesSendsIncludeWaitingOnlyWhenGiven() throws Exception {
        server.enqueue(200, "{\"acceptedQueryCount\":0,\"runningQueryCount\":0,\"queries\":[]}")
            .enqueue(200, "{\"queries\":[]}");

        assertThat(json(run("neptunedata", "list-open-cypher-queries"))).isEqualTo(JSON.readTree(
            "{\"acceptedQueryCount\":0,\"runningQueryCount\":0,\"queries\":[]}"));
        assertThat(server.takeRequest().target()).isEqualTo("/opencypher/status");
        run("neptunedata", "list-open-cypher-queries", "--no-include-waiting");
        assertThat(server.takeRequest().target()).isEqualTo("/opencypher/status?includeWaiting=false");
    }

    @Test
    void getGremlinQueryStatusEncodesTheId() throws Exception {
        server.enqueue(200, "{\"queryId\":\"a/b\",\"queryEvalStats\":{\"waited\":0,\"elapsed\":1}}");

        assertThat(json(run("neptunedata", "get-gremlin-query-status", "--query-id", "a/b")))
            .isEqualTo(JSON.readTree("{\"queryId\":\"a/b\",\"queryEvalStats\":{\"waited\":0,\"elapsed\":1}}"));
        assertThat(server.takeRequest().target()).isEqualTo("/gremlin/status/a%2Fb");
    }

    @Test
    void getEngineStatusPrintsRoleSettingsAndFeatures() throws Exception {
        String body = "{\"status\":\"healthy\",\"role\":\"reader\",\"gremlin\":{\"version\":\"tinkerpop-3.7.1\"},"
            + "\"features\":{\"ResultCache\":{\"status\":\"disabled\"}},\"settings\":{\"clusterQueryTimeoutInMs\":"
            + "\"120000\"}}";
        server.enqueue(200, body);

        assertThat(json(run("neptunedata", "get-engine-status"))).isEqualTo(JSON.readTree(body));
        assertThat(server.takeRequest().target()).isEqualTo("/status");
    }

    @Test
    void listLoaderJobsAndGetLoaderJobStatusSendTheirParameters() throws Exception {
        server.enqueue(200, "{\"status\":\"200 OK\",\"payload\":{\"loadIds\":[\"l-2\",\"l-1\"]}}");
        String status = "{\"status\":\"200 OK\",\"payload\":{\"overallStatus\":{\"status\":\"LOAD_IN_PROGRESS\","
            + "\"startTime\":1700000000,\"totalTimeSpent\":12},\"errors\":{\"errorLogs\":[]}}}";
        server.enqueue(200, status);

        assertThat(json(run("neptunedata", "list-loader-jobs", "--limit", "2", "--include-queued-loads")))
            .isEqualTo(JSON.readTree("{\"status\":\"200 OK\",\"payload\":{\"loadIds\":[\"l-2\",\"l-1\"]}}"));
        assertThat(server.takeRequest().target()).isEqualTo("/loader?limit=2&includeQueuedLoads=true");
        assertThat(json(run("neptunedata", "get-loader-job-status", "--load-id", "l-1", "--details", "--errors",
            "--page", "2", "--errors-per-page", "5"))).isEqualTo(JSON.readTree(status));
        assertThat(server.takeRequest().target())
            .isEqualTo("/loader/l-1?details=true&errors=true&page=2&errorsPerPage=5");
    }

    @Test
    void aServiceErrorIsOneLineAndExit254() {
        server.enqueue(400, "{\"code\":\"InvalidParameterException\",\"detailedMessage\":\"Supplied queryId q is "
            + "invalid\"}");

        CliRun run = run("neptunedata", "get-gremlin-query-status", "--query-id", "q");

        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).isEqualTo("An error occurred (InvalidParameterException) when calling the "
            + "GetGremlinQueryStatus operation: Supplied queryId q is invalid" + System.lineSeparator());
    }

    @Test
    void badNumbersNameTheirOptionAndSendNothing() {
        CliRun limit = run("neptunedata", "list-loader-jobs", "--limit", "0");
        CliRun page = run("neptunedata", "get-loader-job-status", "--load-id", "l", "--page", "0");

        assertThat(limit.exit()).isEqualTo(252);
        assertThat(limit.err()).startsWith("querystop: error: argument --limit: must be 1 to 100, was 0");
        assertThat(page.exit()).isEqualTo(252);
        assertThat(page.err()).startsWith("querystop: error: argument --page: must be 1 or more, was 0");
        assertThat(server.pendingRequests()).isZero();
    }
}
