package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.querystop.testing.CannedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CloudTrail Lake listing commands against a canned loopback server: automatic pagination into one answer, the
 * request members each option sets, PascalCase output with ISO 8601 times, errors.
 */
@ExtendWith(CliRun.EmulatorCredentials.class)
class LakeCommandsCliTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE = "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/EXAMPLE";
    private static final String Q1 = "0b7d2ba5-9e21-4c2f-8a4b-d3b6f0c1e2a1";
    private static final String Q2 = "0b7d2ba5-9e21-4c2f-8a4b-d3b6f0c1e2a2";

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
    void listQueriesFollowsEveryPageAndPrintsOneAnswer() throws Exception {
        server.enqueue(200, "{\"Queries\":[{\"QueryId\":\"" + Q1 + "\",\"QueryStatus\":\"RUNNING\",\"CreationTime\":"
                + "1700000000}],\"NextToken\":\"page-2\"}")
            .enqueue(200, "{\"Queries\":[{\"QueryId\":\"" + Q2 + "\",\"QueryStatus\":\"RUNNING\",\"CreationTime\":"
                + "1700000000.25}]}");

        CliRun run = run("cloudtrail", "list-queries", "--event-data-store", STORE, "--query-status", "RUNNING",
            "--start-time", "2023-11-14T00:00:00Z", "--end-time", "1700000100");

        assertThat(json(run)).isEqualTo(JSON.readTree("{\"Queries\":[{\"QueryId\":\"" + Q1 + "\",\"QueryStatus\":"
            + "\"RUNNING\",\"CreationTime\":\"2023-11-14T22:13:20+00:00\"},{\"QueryId\":\"" + Q2 + "\",\"QueryStatus\":"
            + "\"RUNNING\",\"CreationTime\":\"2023-11-14T22:13:20.250000+00:00\"}]}"));
        CannedServer.Request first = server.takeRequest();
        assertThat(first.header("x-amz-target")).endsWith("CloudTrail_20131101.ListQueries");
        assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree("{\"EventDataStore\":\"" + STORE + "\","
            + "\"StartTime\":1699920000,\"EndTime\":1700000100,\"QueryStatus\":\"RUNNING\"}"));
        assertThat(JSON.readTree(server.takeRequest().body()).get("NextToken").asText()).isEqualTo("page-2");
        assertThat(server.pendingRequests()).isZero();
    }

    @Test
    void listQueriesNeedsTheEventDataStoreAndReadableTimes() {
        CliRun missing = run("cloudtrail", "list-queries");
        CliRun badTime = run("cloudtrail", "list-queries", "--event-data-store", STORE, "--start-time", "yesterday");

        assertThat(missing.exit()).isEqualTo(252);
        assertThat(missing.err()).contains("--event-data-store");
        assertThat(badTime.exit()).isEqualTo(252);
        assertThat(badTime.err()).startsWith("querystop: error: argument --start-time: 'yesterday' is not a time");
        assertThat(server.pendingRequests()).isZero();
    }

    @Test
    void describeQueryPrintsStatisticsAndNamesABadId() throws Exception {
        server.enqueue(200, "{\"QueryId\":\"" + Q1 + "\",\"QueryString\":\"SELECT 1\",\"QueryStatus\":\"FINISHED\","
            + "\"QueryStatistics\":{\"EventsMatched\":1,\"EventsScanned\":20,\"BytesScanned\":4096,"
            + "\"ExecutionTimeInMillis\":812,\"CreationTime\":1700000000}}");

        assertThat(json(run("cloudtrail", "describe-query", "--query-id", Q1))).isEqualTo(JSON.readTree(
            "{\"QueryId\":\"" + Q1 + "\",\"QueryString\":\"SELECT 1\",\"QueryStatus\":\"FINISHED\","
                + "\"QueryStatistics\":{\"EventsMatched\":1,\"EventsScanned\":20,\"BytesScanned\":4096,"
                + "\"ExecutionTimeInMillis\":812,\"CreationTime\":\"2023-11-14T22:13:20+00:00\"}}"));
        assertThat(server.takeRequest().body()).isEqualTo("{\"QueryId\":\"" + Q1 + "\"}");

        CliRun bad = run("cloudtrail", "describe-query", "--query-id", "nope");
        assertThat(bad.exit()).isEqualTo(252);
        assertThat(bad.err()).startsWith("querystop: error: argument --query-id: must be 36 characters");
    }

    @Test
    void describeQueryOfAnUnknownIdIsAServiceError() {
        server.enqueue(400, "application/x-amz-json-1.1", "{\"__type\":\"QueryIdNotFoundException\",\"Message\":"
            + "\"The query ID does not exist\"}");

        CliRun run = run("cloudtrail", "describe-query", "--query-id", Q1);

        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).isEqualTo("An error occurred (QueryIdNotFoundException) when calling the "
            + "DescribeQuery operation: The query ID does not exist" + System.lineSeparator());
    }

    @Test
    void listEventDataStoresFollowsEveryPage() throws Exception {
        server.enqueue(200, "{\"EventDataStores\":[{\"EventDataStoreArn\":\"arn:1\",\"Name\":\"a\"}],"
                + "\"NextToken\":\"more\"}")
            .enqueue(200, "{\"EventDataStores\":[{\"EventDataStoreArn\":\"arn:2\",\"Name\":\"b\"}]}");

        assertThat(json(run("cloudtrail", "list-event-data-stores"))).isEqualTo(JSON.readTree(
            "{\"EventDataStores\":[{\"EventDataStoreArn\":\"arn:1\",\"Name\":\"a\"},"
                + "{\"EventDataStoreArn\":\"arn:2\",\"Name\":\"b\"}]}"));
        assertThat(server.takeRequest().body()).isEqualTo("{}");
        assertThat(server.takeRequest().body()).isEqualTo("{\"NextToken\":\"more\"}");
    }
}
