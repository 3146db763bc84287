package io.querystop.sweep;

import static io.querystop.sweep.NeptuneSweepUnitTests.ids;
import static io.querystop.sweep.NeptuneSweepUnitTests.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.sweep.SweepOutcome.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The CloudTrail Lake sweep over an in-memory lake, in virtual time: pagination, skew, not running, confirm. */
class CloudTrailSweepUnitTests {

    private static final Selection HALF_HOUR_OLD = Selection.defaults().withMinimumAge(Duration.ofMinutes(30));

    @Test
    void everyPageOfEveryStoreIsListedForQueuedAndRunningQueries() {
        FakeLake lake = new FakeLake().store("arn:eds/one").store("arn:eds/two");
        for (int i = 0; i < 5; i++) {
            lake.query("arn:eds/one", "one-running-" + i, "RUNNING", 3_600, "SELECT 1");
        }
        lake.query("arn:eds/one", "one-queued", "QUEUED", 3_600, "SELECT 2")
            .query("arn:eds/one", "one-finished", "FINISHED", 3_600, "SELECT 3")
            .query("arn:eds/two", "two-running", "RUNNING", 3_600, "SELECT 4");

        List<SweepOutcome> selected = outcomes(() -> CloudTrailSweep.overLake(lake, List.of())
            .run(HALF_HOUR_OLD, Mode.dryRun()));

        assertThat(ids(selected)).containsExactly("one-queued", "one-running-0", "one-running-1", "one-running-2",
            "one-running-3", "one-running-4", "two-running");
        assertThat(lake.requests).contains("ListEventDataStores null", "ListEventDataStores page-1",
            "ListQueries arn:eds/one RUNNING null", "ListQueries arn:eds/one RUNNING page-2",
            "ListQueries arn:eds/one RUNNING page-4", "ListQueries arn:eds/one QUEUED null",
            "ListQueries arn:eds/two RUNNING null", "ListQueries arn:eds/two QUEUED null");
        assertThat(lake.requests).hasSize(2 + 3 + 1 + 1 + 1);
        assertThat(selected).filteredOn(o -> o.id().equals("two-running")).singleElement().satisfies(outcome -> {
            assertThat(outcome.language()).isEqualTo("sql");
            assertThat(outcome.query()).isEqualTo("SELECT 4");
            assertThat(outcome.details()).containsEntry("eventDataStore", "arn:eds/two")
                .containsEntry("status", "RUNNING").containsEntry("BytesScanned", 1_000L);
        });
    }

    @Test
    void onlyTheStoresGivenAreListed() {
        FakeLake lake = new FakeLake().store("arn:eds/one").store("arn:eds/two")
            .query("arn:eds/one", "one", "RUNNING", 3_600, "SELECT 1")
            .query("arn:eds/two", "two", "RUNNING", 3_600, "SELECT 2");

        assertThat(ids(outcomes(() -> CloudTrailSweep.overLake(lake, List.of("arn:eds/two"))
            .run(HALF_HOUR_OLD, Mode.dryRun())))).containsExactly("two");
        assertThat(lake.requests).noneMatch(request -> request.startsWith("ListEventDataStores"));
    }

    @Test
    void agesAreCorrectedForTheSkewOfTheLocalClock() {
        FakeLake lake = new FakeLake().store("arn:eds/one");
        lake.skewMillis = -Duration.ofHours(3).toMillis(); // the service's clock is three hours behind ours
        lake.query("arn:eds/one", "twenty-minutes", "RUNNING", 1_200, "SELECT 1")
            .query("arn:eds/one", "exactly", "RUNNING", 1_800, "SELECT 2");

        List<SweepOutcome> selected = outcomes(() -> CloudTrailSweep.overLake(lake, List.of())
            .run(HALF_HOUR_OLD, Mode.dryRun()));

        assertThat(ids(selected)).containsExactly("exactly"); // by our clock, both would be over three hours old
        assertThat(selected.get(0).ageMillis()).isEqualTo(1_800_000);
    }

    @Test
    void withoutTheServicesTimeTheLocalClockIsUsed() {
        FakeLake lake = new FakeLake().store("arn:eds/one");
        lake.skewMillis = null;
        lake.query("arn:eds/one", "twenty-minutes", "RUNNING", 1_200, "SELECT 1")
            .query("arn:eds/one", "hour", "RUNNING", 3_600, "SELECT 2");

        assertThat(ids(outcomes(() -> CloudTrailSweep.overLake(lake, List.of()).run(HALF_HOUR_OLD, Mode.dryRun()))))
            .containsExactly("hour");
    }

    @Test
    void theExpressionIsMatchedAgainstTheDescribedText() {
        FakeLake lake = new FakeLake().store("arn:eds/one")
            .query("arn:eds/one", "scan", "RUNNING", 3_600, "SELECT * FROM eds WHERE eventTime > '2020-01-01'")
            .query("arn:eds/one", "count", "RUNNING", 3_600, "SELECT count(*) FROM eds");

        assertThat(ids(outcomes(() -> CloudTrailSweep.overLake(lake, List.of())
            .run(HALF_HOUR_OLD.withMatch("SELECT \\*"), Mode.dryRun())))).containsExactly("scan");
    }

    @Test
    void aQueryThatFinishedBeforeItsCancelIsNotRunning() {
        FakeLake lake = new FakeLake().store("arn:eds/one")
            .query("arn:eds/one", "finishing", "RUNNING", 3_600, "SELECT 1")
            .query("arn:eds/one", "running", "RUNNING", 3_600, "SELECT 2");
        lake.finishesBeforeCancel = "finishing";

        List<SweepOutcome> outcomes = outcomes(() -> CloudTrailSweep.overLake(lake, List.of())
            .run(HALF_HOUR_OLD, Mode.cancel()));

        assertThat(outcomes).filteredOn(o -> o.id().equals("finishing")).singleElement().satisfies(outcome -> {
            assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_RUNNING);
            assertThat(outcome.error()).isInstanceOf(FakeLake.Inactive.class);
        });
        assertThat(outcomes).filteredOn(o -> o.id().equals("running")).extracting(SweepOutcome::outcome)
            .containsExactly(Outcome.CANCELLED);
        assertThat(lake.cancels).containsExactlyInAnyOrder("finishing", "running");
    }

    @Test
    void confirmDescribesUntilTheStatusIsFinal() {
        FakeLake lake = new FakeLake().store("arn:eds/one").query("arn:eds/one", "q", "RUNNING", 3_600, "SELECT 1");
        lake.describesUntilCancelled = 3; // reads RUNNING three more times after the cancel
        CloudTrailSweep sweep = CloudTrailSweep.overLake(lake, List.of());

        StepVerifier.withVirtualTime(() -> sweep.run(HALF_HOUR_OLD,
                Mode.cancelAndConfirm(Duration.ofSeconds(10), Duration.ofSeconds(1))))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(2_999))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(event -> {
                SweepOutcome outcome = (SweepOutcome) event;
                assertThat(outcome.outcome()).isEqualTo(Outcome.CONFIRMED);
                assertThat(outcome.timeToConfirm()).isEqualTo(Duration.ofSeconds(3));
            })
            .expectComplete()
            .verify(Duration.ofSeconds(10));
    }
}
