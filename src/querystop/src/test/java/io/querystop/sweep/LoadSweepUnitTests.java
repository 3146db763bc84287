package io.querystop.sweep;

import static io.querystop.sweep.NeptuneSweepUnitTests.ids;
import static io.querystop.sweep.NeptuneSweepUnitTests.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.sweep.SweepOutcome.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The loader sweep over in-memory loaders, in virtual time. */
class LoadSweepUnitTests {

    private static final Selection HOUR_OLD = Selection.defaults().withMinimumAge(Duration.ofHours(1));

    @Test
    void loadsNotEndedAndAtLeastTheMinimumAgeOldAreSelected() {
        FakeLoader writer = new FakeLoader("writer", false)
            .job("young", "LOAD_IN_PROGRESS", 3_599)
            .job("exactly", "LOAD_IN_PROGRESS", 3_600)
            .job("queued", "LOAD_IN_QUEUE", 7_200)
            .job("done", "LOAD_COMPLETED", 7_200)
            .job("failed", "LOAD_FAILED", 7_200);

        List<SweepOutcome> selected = outcomes(() -> LoadSweep.overInstances(List.of(writer))
            .run(HOUR_OLD, Mode.dryRun()));

        assertThat(ids(selected)).containsExactly("exactly", "queued");
        assertThat(selected).allSatisfy(outcome -> {
            assertThat(outcome.language()).isEqualTo("load");
            assertThat(outcome.details()).containsKeys("status", "startTime");
        });
        assertThat(writer.cancels).isEmpty();
        assertThat(writer.listedQueued).containsExactly(false);
    }

    @Test
    void theAgeIsTakenOnTheServicesClockWhenTheAnswerSaysWhatTimeItIs() {
        FakeLoader skewed = new FakeLoader("writer", false);
        skewed.skewMillis = Duration.ofHours(2).toMillis(); // the service's clock is two hours ahead of ours
        skewed.job("half-hour", "LOAD_IN_PROGRESS", 1_800).job("two-hours", "LOAD_IN_PROGRESS", 7_200);

        List<SweepOutcome> selected = outcomes(() -> LoadSweep.overInstances(List.of(skewed))
            .run(HOUR_OLD, Mode.dryRun()));

        assertThat(ids(selected)).containsExactly("two-hours");
        assertThat(selected.get(0).ageMillis()).isEqualTo(7_200_000);
    }

    @Test
    void aReadReplicasRefusalIsAFailureThatSaysSo() {
        FakeLoader reader = new FakeLoader("reader", true).job("old", "LOAD_IN_PROGRESS", 7_200);

        List<SweepOutcome> outcomes = outcomes(() -> LoadSweep.overInstances(List.of(reader))
            .run(HOUR_OLD, Mode.cancel()));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(outcome.details()).containsEntry("reason", LoadSweep.READ_REPLICA);
            assertThat(outcome.error()).hasMessageContaining("read replica");
        });
        assertThat(reader.cancels).containsExactly("old");
    }

    @Test
    void confirmReadsTheStatusUntilTheLoadHasEnded() {
        FakeLoader writer = new FakeLoader("writer", false).job("old", "LOAD_IN_PROGRESS", 7_200);

        StepVerifier.withVirtualTime(() -> LoadSweep.overInstances(List.of(writer)).run(HOUR_OLD.withIncludeWaiting(true),
                Mode.cancelAndConfirm()))
            .assertNext(event -> {
                SweepOutcome outcome = (SweepOutcome) event;
                assertThat(outcome.outcome()).isEqualTo(Outcome.CONFIRMED);
                assertThat(outcome.timeToConfirm()).isZero();
            })
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        assertThat(writer.cancels).containsExactly("old");
        assertThat(writer.listedQueued).containsExactly(true);
    }
}
