package io.querystop.emulator;

import static io.querystop.emulator.Calls.delete;
import static io.querystop.emulator.Calls.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ListLoaderJobs and GetLoaderJobStatus on the writer, and what cancelling does to a job's status. */
class LoaderRoutesTests {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final ManualClock clock = ManualClock.startingAt(NOW);
    private final Emulator emulator = Emulator.builder().queryClock(clock).start();

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void listsIdsOnlyTheMostRecentlyStartedFirst() {
        emulator.addLoad(LoadSeed.of("old").startTime(NOW.minus(Duration.ofHours(5))));
        emulator.addLoad(LoadSeed.of("queued").status("LOAD_IN_QUEUE"));
        emulator.addLoad(LoadSeed.of("newer").startTime(NOW.minus(Duration.ofMinutes(5))));

        Calls.Reply all = get(emulator, "/loader");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("status").asText()).isEqualTo("200 OK");
        assertThat(ids(all)).containsExactly("queued", "newer", "old");
        assertThat(ids(get(emulator, "/loader?limit=2"))).containsExactly("queued", "newer");
        assertThat(ids(get(emulator, "/loader?includeQueuedLoads=false"))).containsExactly("newer", "old");
    }

    @Test
    void aLimitOutside1To100IsABadParameter() {
        for (String limit : List.of("0", "101", "ten")) {
            Calls.Reply reply = get(emulator, "/loader?limit=" + limit);
            assertThat(reply.status()).as(limit).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("InvalidParameterException");
        }
        assertThat(get(emulator, "/loader?limit=100").status()).isEqualTo(200);
    }

    @Test
    void beyond1024JobsTheOldestEndedAreForgottenButActiveOnesStay() {
        emulator.addLoad(LoadSeed.of("active").startTime(NOW.minus(Duration.ofDays(1))));
        for (int i = 0; i < 1030; i++) {
            emulator.addLoad(LoadSeed.of("load-" + i).status("LOAD_COMPLETED").startTime(NOW.plusSeconds(i)));
        }

        assertThat(emulator.state(Route.GET_LOADER_JOB_STATUS, "load-6")).isEmpty();
        assertThat(emulator.state(Route.GET_LOADER_JOB_STATUS, "load-7")).contains("LOAD_COMPLETED");
        assertThat(emulator.state(Route.GET_LOADER_JOB_STATUS, "active")).contains("LOAD_IN_PROGRESS");
        assertThat(ids(get(emulator, "/loader?limit=1"))).containsExactly("load-1029");

        assertThat(delete(emulator, "/loader/active").status()).isEqualTo(200);
        emulator.addLoad(LoadSeed.of("one-more").status("LOAD_FAILED"));
        assertThat(emulator.state(Route.GET_LOADER_JOB_STATUS, "load-7")).as("ended before the cancel").isEmpty();
        assertThat(emulator.state(Route.GET_LOADER_JOB_STATUS, "active")).contains("LOAD_CANCELLED_BY_USER");
    }

    @Test
    void statusShowsTheOverallStatusWithItsStartAndTimeSpentGrowingWithTheClock() {
        Instant started = NOW.minus(Duration.ofHours(2));
        emulator.addLoad(LoadSeed.of("l-1").startTime(started).totalRecords(1_000));
        clock.advance(Duration.ofSeconds(30));

        Calls.Reply reply = get(emulator, "/loader/l-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("200 OK");
        JsonNode overall = reply.json().at("/payload/overallStatus");
        assertThat(overall.get("status").asText()).isEqualTo("LOAD_IN_PROGRESS");
        assertThat(overall.get("startTime").asLong()).isEqualTo(started.getEpochSecond());
        assertThat(overall.get("totalTimeSpent").asLong()).isEqualTo(7_230);
        assertThat(overall.get("totalRecords").asLong()).isEqualTo(1_000);
        assertThat(reply.json().at("/payload/feedCount/0/LOAD_IN_PROGRESS").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/payload").has("errors")).isFalse();
        assertThat(reply.json().at("/payload").has("failedFeeds")).isFalse();
    }

    @Test
    void detailsAndErrorsArePagedAsAsked() {
        emulator.addLoad(LoadSeed.of("bad").status("LOAD_FAILED").errors(25));

        JsonNode payload = get(emulator, "/loader/bad?details=true&errors=true&page=3&errorsPerPage=10").json()
            .get("payload");

        assertThat(payload.get("failedFeeds").get(0).get("status").asText()).isEqualTo("LOAD_FAILED");
        assertThat(payload.at("/errors/startIndex").asInt()).isEqualTo(21);
        assertThat(payload.at("/errors/endIndex").asInt()).isEqualTo(25);
        assertThat(payload.at("/errors/errorLogs").size()).isEqualTo(5);
        assertThat(payload.at("/errors/errorLogs/0/recordNum").asInt()).isEqualTo(21);
        assertThat(get(emulator, "/loader/bad?errors=true").json().at("/payload/errors/errorLogs").size())
            .as("10 per page by default").isEqualTo(10);
        assertThat(get(emulator, "/loader/bad?errors=true&page=0").status()).isEqualTo(400);
    }

    @Test
    void anUnknownLoadIsNotFound() {
        Calls.Reply reply = get(emulator, "/loader/nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("BulkLoadIdNotFoundException");
    }

    @Test
    void afterACancelTheStatusShowsCancelledByUserAndASecondCancelIsNotFound() {
        emulator.addLoad(LoadSeed.of("l-1").startTime(NOW.minus(Duration.ofMinutes(10))));
        emulator.addLoad(LoadSeed.of("done").status("LOAD_COMPLETED"));

        assertThat(delete(emulator, "/loader/l-1").json().toString()).isEqualTo("{\"status\":\"200 OK\"}");
        clock.advance(Duration.ofMinutes(1));

        JsonNode overall = get(emulator, "/loader/l-1").json().at("/payload/overallStatus");
        assertThat(overall.get("status").asText()).isEqualTo("LOAD_CANCELLED_BY_USER");
        assertThat(overall.get("totalTimeSpent").asLong()).as("stopped at the cancel").isEqualTo(600);
        assertThat(delete(emulator, "/loader/l-1").status()).isEqualTo(404);
        assertThat(delete(emulator, "/loader/done").code()).isEqualTo("BulkLoadIdNotFoundException");
    }

    private static List<String> ids(Calls.Reply reply) {
        List<String> ids = new java.util.ArrayList<>();
        reply.json().at("/payload/loadIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
