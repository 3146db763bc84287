package io.querystop.emulator;

import static io.querystop.emulator.Calls.delete;
import static io.querystop.emulator.Calls.get;
import static io.querystop.emulator.Calls.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ListGremlinQueries, GetGremlinQueryStatus, ListOpenCypherQueries and the query lifecycle on one instance: ages
 * that advance with the query clock, running and waiting, the queue cap, the cancellation delay.
 */
class QueryRoutesTests {

    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private Emulator emulator = Emulator.builder().queryClock(clock).maxRunningQueries(2).start();

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void listsRunningQueriesWithTheirAgesAndCountsWaitingOnesOnlyWhenAskedFor() {
        emulator.addQuery(QuerySeed.gremlin("r-1", "g.V().count()").running(Duration.ofSeconds(2),
            Duration.ofSeconds(30)));
        emulator.addQuery(QuerySeed.gremlin("r-2", "g.E().count()"));
        emulator.addQuery(QuerySeed.gremlin("w-1", "g.V().out()"));          // both slots taken: waits
        emulator.addQuery(QuerySeed.openCypher("c-1", "MATCH (n) RETURN n").waiting(Duration.ofSeconds(5)));

        Calls.Reply running = get(emulator, "/gremlin/status");
        Calls.Reply all = get(emulator, "/gremlin/status?includeWaiting=true");

        assertThat(running.status()).isEqualTo(200);
        assertThat(ids(running)).containsExactly("r-1", "r-2");
        assertThat(running.json().get("acceptedQueryCount").asInt()).isEqualTo(3);
        assertThat(running.json().get("runningQueryCount").asInt()).isEqualTo(2);
        JsonNode first = running.json().get("queries").get(0);
        assertThat(first.get("queryString").asText()).isEqualTo("g.V().count()");
        assertThat(first.get("queryEvalStats").get("waited").asLong()).isEqualTo(2_000);
        assertThat(first.get("queryEvalStats").get("elapsed").asLong()).isEqualTo(30_000);
        assertThat(first.get("queryEvalStats").get("cancelled").asBoolean()).isFalse();
        assertThat(first.get("queryEvalStats").has("subqueries")).isFalse();
        assertThat(ids(all)).containsExactly("r-1", "r-2", "w-1");
        assertThat(ids(get(emulator, "/opencypher/status"))).isEmpty();
        JsonNode cypher = get(emulator, "/opencypher/status?includeWaiting=TRUE").json();
        assertThat(cypher.get("acceptedQueryCount").asInt()).isEqualTo(1);
        assertThat(cypher.get("runningQueryCount").asInt()).isZero();
        assertThat(cypher.at("/queries/0/queryEvalStats/waited").asLong()).isEqualTo(5_000);
        assertThat(cypher.at("/queries/0/queryEvalStats/elapsed").asLong()).isZero();
        assertThat(cypher.at("/queries/0/queryEvalStats/subqueries").asInt()).isZero();
    }

    @Test
    void agesAdvanceWithTheQueryClock() {
        emulator.addQuery(QuerySeed.gremlin("r", "g.V()"));
        emulator.addQuery(QuerySeed.gremlin("r2", "g.V()"));
        emulator.addQuery(QuerySeed.gremlin("w", "g.V()"));

        clock.advance(Duration.ofMinutes(3));

        assertThat(get(emulator, "/gremlin/status/r").json().at("/queryEvalStats/elapsed").asLong())
            .isEqualTo(180_000);
        JsonNode waiting = get(emulator, "/gremlin/status/w").json().get("queryEvalStats");
        assertThat(waiting.get("waited").asLong()).isEqualTo(180_000);
        assertThat(waiting.get("elapsed").asLong()).isZero();
    }

    @Test
    void aWaitingQueryStartsWhenARunningOneFinishesAndKeepsWhatItWaited() {
        emulator.addQuery(QuerySeed.gremlin("short", "g.V().limit(1)").finishesAfter(Duration.ofSeconds(10)));
        emulator.addQuery(QuerySeed.gremlin("long", "g.V()"));
        emulator.addQuery(QuerySeed.gremlin("next", "g.E()"));

        clock.advance(Duration.ofSeconds(25));

        assertThat(get(emulator, "/gremlin/status/short").status()).isEqualTo(400);
        assertThat(emulator.state(Route.GET_GREMLIN_QUERY_STATUS, "short")).contains("FINISHED");
        JsonNode next = get(emulator, "/gremlin/status/next").json().get("queryEvalStats");
        assertThat(next.get("waited").asLong()).isEqualTo(10_000);
        assertThat(next.get("elapsed").asLong()).isEqualTo(15_000);
        assertThat(emulator.state(Route.GET_GREMLIN_QUERY_STATUS, "next")).contains("RUNNING");
    }

    @Test
    void statusOfAQueryNotOnTheInstanceIsTheServicesInvalidParameter() {
        emulator.addOpenCypherQuery("c-1", "MATCH (n) RETURN n");

        for (String path : List.of("/gremlin/status/nope", "/opencypher/status/nope", "/gremlin/status/c-1")) {
            Calls.Reply reply = get(emulator, path);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("InvalidParameterException");
            assertThat(reply.message()).startsWith("Supplied queryId ").endsWith(" is invalid");
        }
        assertThat(get(emulator, "/opencypher/status/c-1").status()).isEqualTo(200);
    }

    @Test
    void anIdWithReservedCharactersIsReadFromItsEncodedPathSegment() {
        emulator.addQuery(QuerySeed.gremlin("a/b c+d", "g.V()"));

        Calls.Reply reply = get(emulator, "/gremlin/status/a%2Fb%20c%2Bd");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("queryId").asText()).isEqualTo("a/b c+d");
    }

    @Test
    void theQueryStringIsTruncatedTo1024CharactersInStatusAndListing() {
        String text = "g.V()" + ".has('name','x')".repeat(100);
        emulator.addQuery(QuerySeed.gremlin("long", text));

        assertThat(get(emulator, "/gremlin/status/long").json().get("queryString").asText())
            .hasSize(1024).isEqualTo(text.substring(0, 1024));
        assertThat(get(emulator, "/gremlin/status").json().at("/queries/0/queryString").asText()).hasSize(1024);
    }

    @Test
    void aCancelledQueryStaysListedAsCancelledForTheDelayThenIsGone() {
        emulator.close();
        emulator = Emulator.builder().queryClock(clock).cancellationDelay(Duration.ofSeconds(5)).start();
        emulator.addQuery(QuerySeed.gremlin("q", "g.V()"));
        emulator.addQuery(QuerySeed.openCypher("c", "MATCH (n) RETURN n"));

        assertThat(delete(emulator, "/gremlin/status/q").json().toString()).isEqualTo("{\"status\":\"200 OK\"}");
        assertThat(delete(emulator, "/opencypher/status/c").json().toString())
            .isEqualTo("{\"status\":\"200 OK\",\"payload\":true}");
        clock.advance(Duration.ofSeconds(4));

        assertThat(get(emulator, "/gremlin/status/q").json().at("/queryEvalStats/cancelled").asBoolean()).isTrue();
        assertThat(get(emulator, "/gremlin/status").json().at("/queries/0/queryEvalStats/cancelled").asBoolean())
            .isTrue();
        assertThat(delete(emulator, "/gremlin/status/q").status()).as("cancelled again, still listed").isEqualTo(200);
        assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "q")).contains("CANCELLED");

        clock.advance(Duration.ofSeconds(1));

        assertThat(ids(get(emulator, "/gremlin/status?includeWaiting=true"))).isEmpty();
        Calls.Reply gone = get(emulator, "/gremlin/status/q");
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.code()).isEqualTo("InvalidParameterException");
        assertThat(get(emulator, "/opencypher/status/c").status()).isEqualTo(400);
        assertThat(delete(emulator, "/gremlin/status/q").status()).isEqualTo(400);
        assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "q")).contains("CANCELLED");
    }

    @Test
    void withoutADelayACancelledQueryIsGoneAtOnce() {
        emulator.addGremlinQuery("q");

        assertThat(delete(emulator, "/gremlin/status/q").status()).isEqualTo(200);

        assertThat(get(emulator, "/gremlin/status/q").status()).isEqualTo(400);
        assertThat(delete(emulator, "/gremlin/status/q").status()).isEqualTo(400);
    }

    @Test
    void theQueueCapRefusesOneMoreWaitingQueryWithThrottling() {
        emulator.close();
        emulator = Emulator.builder().queryClock(clock).maxRunningQueries(1).maxWaitingQueries(3).start();
        for (int i = 0; i < 4; i++) {
            emulator.addQuery(QuerySeed.gremlin("q-" + i, "g.V()"));        // 1 runs, 3 wait
        }

        assertThatThrownBy(() -> emulator.addQuery(QuerySeed.openCypher("one-more", "MATCH (n) RETURN n")))
            .isInstanceOf(QueueFullException.class).hasMessageContaining("ThrottlingException")
            .extracting(e -> ((QueueFullException) e).code()).isEqualTo("ThrottlingException");
        assertThatThrownBy(() -> emulator.addQuery(QuerySeed.gremlin("w", "g.V()").waiting(Duration.ZERO)))
            .isInstanceOf(QueueFullException.class);
        emulator.addQuery(QuerySeed.gremlin("seeded-running", "g.V()").running(Duration.ZERO, Duration.ZERO));

        delete(emulator, "/gremlin/status/q-1");                            // a waiting one goes: room for one
        emulator.addQuery(QuerySeed.gremlin("fits", "g.V()"));
        assertThat(get(emulator, "/gremlin/status?includeWaiting=true").json().get("acceptedQueryCount").asInt())
            .isEqualTo(5);
    }

    @Test
    void theDefaultQueueHolds8192WaitingQueries() {
        emulator.close();
        emulator = Emulator.builder().queryClock(clock).maxRunningQueries(1).start();
        for (int i = 0; i <= Emulator.DEFAULT_MAX_WAITING_QUERIES; i++) {
            emulator.addQuery(QuerySeed.gremlin("q-" + i, "g.V()"));
        }

        assertThatThrownBy(() -> emulator.addQuery(QuerySeed.gremlin("one-more", "g.V()")))
            .isInstanceOf(QueueFullException.class);
        assertThat(get(emulator, "/gremlin/status").json().get("acceptedQueryCount").asInt()).isEqualTo(8193);
    }

    @Test
    void subqueriesArePlainJavaValuesOrJson() {
        emulator.addQuery(QuerySeed.openCypher("c", "MATCH (n) RETURN n").subqueries(Map.of("count", 3)));

        assertThat(get(emulator, "/opencypher/status/c").json().at("/queryEvalStats/subqueries/count").asInt())
            .isEqualTo(3);
    }

    @Test
    void anInvalidIncludeWaitingIsABadParameter() {
        Calls.Reply reply = get(emulator, "/gremlin/status?includeWaiting=maybe");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("InvalidParameterException");
    }

    @Test
    void theNewRoutesCheckSignaturesAsTheOthers() {
        emulator.addGremlinQuery("q");

        Calls.Reply reply = Calls.unsignedGet(emulator, "/gremlin/status/q");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("AccessDeniedException");
        assertThat(Calls.unsignedGet(emulator, "/status").status()).isEqualTo(403);
    }
}
