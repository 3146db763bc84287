package io.querystop.emulator;

import static io.querystop.emulator.Calls.cloudTrail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ListQueries (with paging and filters), DescribeQuery and ListEventDataStores, as AWS JSON 1.1. */
class CloudTrailRoutesTests {

    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

    private final ManualClock clock = ManualClock.startingAt(NOW);
    private final Emulator emulator = Emulator.builder().queryClock(clock).start();

    @AfterEach
    void close() {
        emulator.close();
    }

    private static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    private String store() {
        return emulator.eventDataStoreArn();
    }

    @Test
    void listQueriesPagesThroughEveryQueryOnceNewestFirst() {
        for (int i = 0; i < 25; i++) {
            emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(i)).creationTime(NOW.minusSeconds(60L * i))
                .status(i % 2 == 0 ? "RUNNING" : "FINISHED"));
        }

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = cloudTrail(emulator, "ListQueries", "{\"EventDataStore\":\"" + store()
                + "\",\"MaxResults\":10" + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}").json();
            page.get("Queries").forEach(query -> seen.add(query.get("QueryId").asText()));
            token = page.has("NextToken") ? page.get("NextToken").asText() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().startsWith(id(0), id(1)).endsWith(id(24));
    }

    @Test
    void aQueryListsItsStatusAndCreationTimeInEpochSeconds() {
        emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(1)).creationTime(NOW.minusSeconds(90)));
        emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(2)).creationTime(NOW.minusMillis(1_500)));

        JsonNode queries = cloudTrail(emulator, "ListQueries", "{\"EventDataStore\":\"" + store() + "\"}").json()
            .get("Queries");

        assertThat(queries.get(0).get("QueryId").asText()).isEqualTo(id(2));
        assertThat(queries.get(0).get("CreationTime").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(NOW.getEpochSecond() - 2).add(new java.math.BigDecimal("0.5")));
        assertThat(queries.get(1).get("CreationTime").isIntegralNumber()).isTrue();
        assertThat(queries.get(1).get("CreationTime").asLong()).isEqualTo(NOW.getEpochSecond() - 90);
        assertThat(queries.get(1).get("QueryStatus").asText()).isEqualTo("RUNNING");
    }

    @Test
    void filtersByStatusAndTimeAndKeepsTheLastSevenDays() {
        emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(1)).creationTime(NOW.minus(Duration.ofHours(1))));
        emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(2)).creationTime(NOW.minus(Duration.ofHours(3)))
            .status("QUEUED"));
        emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(3)).creationTime(NOW.minus(Duration.ofDays(8))));
        String base = "{\"EventDataStore\":\"" + store() + "\"";

        assertThat(ids(cloudTrail(emulator, "ListQueries", base + "}"))).containsExactly(id(1), id(2));
        assertThat(ids(cloudTrail(emulator, "ListQueries", base + ",\"QueryStatus\":\"QUEUED\"}")))
            .containsExactly(id(2));
        long start = NOW.minus(Duration.ofHours(2)).getEpochSecond();
        assertThat(ids(cloudTrail(emulator, "ListQueries", base + ",\"StartTime\":" + start + ",\"EndTime\":"
            + NOW.getEpochSecond() + "}"))).containsExactly(id(1));
        assertThat(ids(cloudTrail(emulator, "ListQueries", base + ",\"EndTime\":" + start + "}")))
            .containsExactly(id(2));
    }

    @Test
    void theEventDataStoreMayBeGivenByTheIdSuffixOfItsArn() {
        String arn = emulator.addEventDataStore("audit");
        emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(1)).eventDataStore(arn));

        String suffix = arn.substring(arn.lastIndexOf('/') + 1);

        assertThat(ids(cloudTrail(emulator, "ListQueries", "{\"EventDataStore\":\"" + suffix + "\"}")))
            .containsExactly(id(1));
        assertThat(ids(cloudTrail(emulator, "ListQueries", "{\"EventDataStore\":\"" + store() + "\"}"))).isEmpty();
    }

    @Test
    void listQueriesErrorsAreTheModeledOnes() {
        String base = "{\"EventDataStore\":\"" + store() + "\"";
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("{}", "InvalidParameterException");
        expected.put("{\"EventDataStore\":\"bad arn!\"}", "EventDataStoreARNInvalidException");
        expected.put("{\"EventDataStore\":\"arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/none\"}",
            "EventDataStoreNotFoundException");
        expected.put(base + ",\"MaxResults\":0}", "InvalidMaxResultsException");
        expected.put(base + ",\"MaxResults\":1001}", "InvalidMaxResultsException");
        expected.put(base + ",\"NextToken\":\"not-a-token\"}", "InvalidNextTokenException");
        expected.put(base + ",\"StartTime\":200,\"EndTime\":100}", "InvalidDateRangeException");
        expected.put(base + ",\"StartTime\":\"yesterday\"}", "InvalidParameterException");
        expected.put(base + ",\"QueryStatus\":\"DONE\"}", "InvalidQueryStatusException");
        expected.forEach((body, code) -> {
            Calls.Reply reply = cloudTrail(emulator, "ListQueries", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isEqualTo(code);
            assertThat(reply.json().get("message").asText()).isNotEmpty();
        });
    }

    @Test
    void aTokenUsedWithOtherFiltersIsRefused() {
        for (int i = 0; i < 3; i++) {
            emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(i)).creationTime(NOW.minusSeconds(i)));
        }
        String base = "{\"EventDataStore\":\"" + store() + "\"";
        String token = cloudTrail(emulator, "ListQueries", base + ",\"MaxResults\":1}").json().get("NextToken")
            .asText();

        Calls.Reply reply = cloudTrail(emulator, "ListQueries", base + ",\"QueryStatus\":\"RUNNING\",\"NextToken\":\""
            + token + "\"}");

        assertThat(reply.code()).isEqualTo("InvalidNextTokenException");
        assertThat(ids(cloudTrail(emulator, "ListQueries", base + ",\"MaxResults\":5,\"NextToken\":\"" + token
            + "\"}"))).as("the page size may change").containsExactly(id(1), id(2));
    }

    @Test
    void describeQueryShowsStatisticsAndAnExecutionTimeThatGrowsWhileRunning() {
        emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id(1)).creationTime(NOW.minusSeconds(60))
            .queryString("SELECT * FROM x").statistics(5, 1_000, 2_048));

        clock.advance(Duration.ofSeconds(30));
        Calls.Reply reply = cloudTrail(emulator, "DescribeQuery", "{\"QueryId\":\"" + id(1)
            + "\",\"EventDataStoreOwnerAccountId\":\"123456789012\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("QueryId").asText()).isEqualTo(id(1));
        assertThat(body.get("QueryString").asText()).isEqualTo("SELECT * FROM x");
        assertThat(body.get("QueryStatus").asText()).isEqualTo("RUNNING");
        assertThat(body.get("EventDataStoreOwnerAccountId").asText()).isEqualTo("123456789012");
        JsonNode statistics = body.get("QueryStatistics");
        assertThat(statistics.get("EventsMatched").asLong()).isEqualTo(5);
        assertThat(statistics.get("EventsScanned").asLong()).isEqualTo(1_000);
        assertThat(statistics.get("BytesScanned").asLong()).isEqualTo(2_048);
        assertThat(statistics.get("ExecutionTimeInMillis").asLong()).isEqualTo(90_000);
        assertThat(statistics.get("CreationTime").asLong()).isEqualTo(NOW.getEpochSecond() - 60);

        cloudTrail(emulator, "CancelQuery", "{\"QueryId\":\"" + id(1) + "\"}");
        clock.advance(Duration.ofSeconds(30));
        JsonNode cancelled = cloudTrail(emulator, "DescribeQuery", "{\"QueryId\":\"" + id(1) + "\"}").json();
        assertThat(cancelled.get("QueryStatus").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.at("/QueryStatistics/ExecutionTimeInMillis").asLong()).isEqualTo(90_000);
    }

    @Test
    void describeQueryErrors() {
        Calls.Reply unknown = cloudTrail(emulator, "DescribeQuery", "{\"QueryId\":\"" + id(9) + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("QueryIdNotFoundException");
        assertThat(cloudTrail(emulator, "DescribeQuery", "{}").code()).isEqualTo("InvalidParameterException");
    }

    @Test
    void listEventDataStoresPagesThroughEveryStore() {
        for (int i = 0; i < 4; i++) {
            emulator.addEventDataStore("store-" + i);
        }

        JsonNode first = cloudTrail(emulator, "ListEventDataStores", "{\"MaxResults\":3}").json();
        JsonNode second = cloudTrail(emulator, "ListEventDataStores", "{\"MaxResults\":3,\"NextToken\":\""
            + first.get("NextToken").asText() + "\"}").json();

        assertThat(first.get("EventDataStores")).hasSize(3);
        assertThat(first.at("/EventDataStores/0/Name").asText()).isEqualTo("querystop-emulator");
        assertThat(first.at("/EventDataStores/0/EventDataStoreArn").asText()).isEqualTo(store());
        assertThat(second.get("EventDataStores")).hasSize(2);
        assertThat(second.at("/EventDataStores/1/Name").asText()).isEqualTo("store-3");
        assertThat(second.has("NextToken")).isFalse();
        assertThat(cloudTrail(emulator, "ListEventDataStores", "{\"MaxResults\":0}").code())
            .isEqualTo("InvalidMaxResultsException");
        assertThat(cloudTrail(emulator, "ListEventDataStores", "{\"NextToken\":\"zzzz\"}").code())
            .isEqualTo("InvalidNextTokenException");
    }

    @Test
    void cancelQueryStillAnswersAsBefore() {
        emulator.addCloudTrailQuery(id(1), "FINISHED");

        assertThat(cloudTrail(emulator, "CancelQuery", "{\"QueryId\":\"" + id(1) + "\"}").code())
            .isEqualTo("InactiveQueryException");
        assertThat(cloudTrail(emulator, "CancelQuery", "{\"QueryId\":\"" + id(2) + "\"}").code())
            .isEqualTo("QueryIdNotFoundException");
    }

    @Test
    void anUnknownTargetIsNoCloudTrailOperation() {
        assertThat(cloudTrail(emulator, "StartQuery", "{}").status()).isEqualTo(400);
    }

    private static List<String> ids(Calls.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("Queries").findValuesAsText("QueryId");
    }
}
