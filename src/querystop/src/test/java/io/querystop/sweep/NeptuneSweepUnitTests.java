package io.querystop.sweep;

import static io.querystop.sweep.QueryLanguage.GREMLIN;
import static io.querystop.sweep.QueryLanguage.OPEN_CYPHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querystop.InvalidInputException;
import io.querystop.sweep.SweepOutcome.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The Neptune query sweep over in-memory instances, in virtual time: selection, modes, routing, confirm, watch. */
class NeptuneSweepUnitTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** Every event of a sweep that completes without the clock moving. */
    static List<SweepEvent> events(Supplier<Flux<SweepEvent>> sweep) {
        List<SweepEvent> events = new ArrayList<>();
        StepVerifier.withVirtualTime(sweep)
            .recordWith(() -> events)
            .thenConsumeWhile(event -> true)
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        return events;
    }

    static List<SweepOutcome> outcomes(Supplier<Flux<SweepEvent>> sweep) {
        return events(sweep).stream().filter(SweepOutcome.class::isInstance).map(SweepOutcome.class::cast).toList();
    }

    static List<String> ids(List<SweepOutcome> outcomes) {
        return outcomes.stream().map(SweepOutcome::id).sorted().toList();
    }

    @Test
    void theAgeIsWaitedPlusElapsedAndAQueryExactlyTheMinimumAgeOldIsSelected() {
        FakeInstance instance = new FakeInstance("i1")
            .running(GREMLIN, "just-younger", 10_000, 49_999)
            .running(GREMLIN, "exactly", 0, 60_000)
            .running(GREMLIN, "mostly-waited", 59_000, 1_000)
            .running(GREMLIN, "older", 1, 60_000);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));

        List<SweepOutcome> selected = outcomes(() -> sweep.run(Selection.defaults().withMinimumAge(MINUTE),
            Mode.dryRun()));

        assertThat(ids(selected)).containsExactly("exactly", "mostly-waited", "older");
        SweepOutcome mostlyWaited = selected.stream().filter(o -> o.id().equals("mostly-waited")).findFirst().get();
        assertThat(mostlyWaited.ageMillis()).isEqualTo(60_000);
        assertThat(mostlyWaited.waitedMillis()).isEqualTo(59_000);
        assertThat(mostlyWaited.language()).isEqualTo("gremlin");
        assertThat(mostlyWaited.endpoint()).isEqualTo("i1");
    }

    @Test
    void waitingQueriesAreSelectedOnlyWhenAskedFor() {
        FakeInstance instance = new FakeInstance("i1")
            .running(GREMLIN, "running", 0, 120_000)
            .add(GREMLIN, "waiting", "g.V()", 120_000, 0, true, false);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));
        Selection old = Selection.defaults().withMinimumAge(MINUTE);

        assertThat(ids(outcomes(() -> sweep.run(old, Mode.dryRun())))).containsExactly("running");
        assertThat(ids(outcomes(() -> sweep.run(old.withIncludeWaiting(true), Mode.dryRun()))))
            .containsExactly("running", "waiting");
    }

    @Test
    void theExpressionIsFoundInTheFirst1024CharactersOnly() {
        FakeInstance instance = new FakeInstance("i1")
            .add(GREMLIN, "early", "g.V().hasLabel('person').repeat(out())", 0, 1, false, false)
            .add(GREMLIN, "at-the-edge", "x".repeat(1_017) + "repeat(", 0, 1, false, false) // ends at 1,024
            .add(GREMLIN, "past-the-edge", "x".repeat(1_018) + "repeat(", 0, 1, false, false) // ends at 1,025
            .add(GREMLIN, "other", "g.E().count()", 0, 1, false, false);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));

        assertThat(ids(outcomes(() -> sweep.run(Selection.defaults().withMatch("repeat\\("), Mode.dryRun()))))
            .containsExactly("at-the-edge", "early");
        assertThatThrownBy(() -> Selection.defaults().withMatch("repeat("))
            .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("match"));
    }

    @Test
    void queriesAlreadyCancelledAreLeftOutUnlessAskedFor() {
        FakeInstance instance = new FakeInstance("i1")
            .add(OPEN_CYPHER, "cancelled", "MATCH (n) RETURN n", 0, 120_000, false, true)
            .add(OPEN_CYPHER, "running", "MATCH (n) RETURN n", 0, 120_000, false, false);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));

        assertThat(ids(outcomes(() -> sweep.run(Selection.defaults(), Mode.dryRun())))).containsExactly("running");
        assertThat(ids(outcomes(() -> sweep.run(Selection.defaults().withSkipCancelled(false), Mode.dryRun()))))
            .containsExactly("cancelled", "running");
    }

    @Test
    void theMaximumTakesTheOldestAcrossInstancesAndLanguages() {
        FakeInstance first = new FakeInstance("i1").running(GREMLIN, "g-10", 0, 10).running(OPEN_CYPHER, "c-40", 0, 40);
        FakeInstance second = new FakeInstance("i2").running(GREMLIN, "g-30", 0, 30).running(GREMLIN, "g-20", 0, 20);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(first, second));

        assertThat(ids(outcomes(() -> sweep.run(Selection.defaults().withMaxCount(2), Mode.cancel()))))
            .containsExactly("c-40", "g-30");
        assertThat(first.cancels).containsExactly("opencypher:c-40");
        assertThat(second.cancels).containsExactly("gremlin:g-30");
    }

    @Test
    void onlyTheLanguagesAskedForAreListed() {
        FakeInstance instance = new FakeInstance("i1").running(GREMLIN, "g", 0, 1).running(OPEN_CYPHER, "c", 0, 1);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));

        List<SweepOutcome> selected = outcomes(() -> sweep.run(Selection.defaults().withLanguages(OPEN_CYPHER),
            Mode.dryRun()));

        assertThat(selected).extracting(SweepOutcome::id, SweepOutcome::language)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("c", "opencypher"));
        assertThat(instance.listings).hasValue(1);
    }

    @Test
    void aDryRunSendsNoCancelAndReadsNoStatus() {
        FakeInstance first = new FakeInstance("i1").running(GREMLIN, "a", 0, 120_000).running(OPEN_CYPHER, "b", 5, 1);
        FakeInstance second = new FakeInstance("i2").running(GREMLIN, "c", 0, 300_000);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(first, second));

        List<SweepOutcome> selected = outcomes(() -> sweep.run(Selection.defaults(), Mode.dryRun()));

        assertThat(selected).extracting(SweepOutcome::outcome).containsOnly(Outcome.SELECTED).hasSize(3);
        assertThat(selected).extracting(SweepOutcome::attempts).containsOnly(0);
        assertThat(first.cancels).isEmpty();
        assertThat(second.cancels).isEmpty();
        assertThat(first.statusReads).hasValue(0);
        assertThat(second.statusReads).hasValue(0);
    }

    @Test
    void eachQueryIsCancelledThroughTheInstanceThatListedItAndNoOther() {
        List<FakeInstance> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FakeInstance instance = new FakeInstance("instance-" + i);
            for (int q = 0; q < 20; q++) {
                instance.running(q % 2 == 0 ? GREMLIN : OPEN_CYPHER, "q-" + i + "-" + q, 0, 1_000 * (q + i));
            }
            instance.running(GREMLIN, "same-id-" + (i % 2), 0, 5_000); // one id on two instances: two queries
            instances.add(instance);
        }
        NeptuneSweep sweep = NeptuneSweep.overInstances(instances);

        List<SweepOutcome> cancelled = outcomes(() -> sweep.run(Selection.defaults(), Mode.cancel()));

        assertThat(cancelled).hasSize(63).extracting(SweepOutcome::outcome).containsOnly(Outcome.CANCELLED);
        for (FakeInstance instance : instances) {
            List<String> own = cancelled.stream().filter(o -> o.endpoint().equals(instance.endpoint()))
                .map(o -> o.language() + ":" + o.id()).sorted().toList();
            assertThat(own).hasSize(21);
            assertThat(instance.cancels.stream().sorted().toList()).isEqualTo(own);
        }
        assertThat(cancelled.stream().filter(o -> o.id().equals("same-id-0")).map(SweepOutcome::endpoint))
            .containsExactlyInAnyOrder("instance-0", "instance-2");
    }

    @Test
    void aQueryThatEndsBeforeItsCancelIsNotRunningAndOtherErrorsFail() {
        FakeInstance racing = new RacingInstance("racing").running(GREMLIN, "ends-now", 0, 120_000);
        FakeInstance broken = new FakeInstance("broken").running(GREMLIN, "stuck", 0, 120_000);
        broken.cancelError = new UnsupportedOperationException("boom");
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(racing, broken));

        Map<String, SweepOutcome> byId = outcomes(() -> sweep.run(Selection.defaults(), Mode.cancel())).stream()
            .collect(Collectors.toMap(SweepOutcome::id, outcome -> outcome));

        assertThat(byId.get("ends-now").outcome()).isEqualTo(Outcome.NOT_RUNNING);
        assertThat(byId.get("ends-now").error()).isInstanceOf(FakeInstance.NotRunning.class);
        assertThat(byId.get("stuck").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(byId.get("stuck").error()).hasMessage("boom");
        assertThat(byId.get("stuck").attempts()).isEqualTo(1);
    }

    /** An instance whose queries all end between the listing and the cancel. */
    private static final class RacingInstance extends FakeInstance {
        RacingInstance(String endpoint) {
            super(endpoint);
        }

        @Override
        public reactor.core.publisher.Mono<List<ListedQuery>> listQueries(QueryLanguage language,
                                                                            boolean includeWaiting) {
            return super.listQueries(language, includeWaiting).doOnNext(listed -> listed.forEach(q -> finish(q.queryId())));
        }
    }

    @Test
    void anInstanceThatCannotBeListedIsAnEventAndTheOthersAreStillSwept() {
        FakeInstance down = new FakeInstance("down");
        down.listingError = new RuntimeException("connection refused");
        FakeInstance up = new FakeInstance("up").running(GREMLIN, "q", 0, 1);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(down, up));

        List<SweepEvent> events = events(() -> sweep.run(Selection.defaults().withLanguages(GREMLIN), Mode.cancel()));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(ListingFailure.class, failure -> {
            assertThat(failure.endpoint()).isEqualTo("down");
            assertThat(failure.language()).isEqualTo("gremlin");
            assertThat(failure.error()).hasMessage("connection refused");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(SweepOutcome.class,
            outcome -> assertThat(outcome.outcome()).isEqualTo(Outcome.CANCELLED));
    }

    @Test
    void aClientFailingAsAWholeFailsItsOwnEndpointsQueriesOnly() {
        FakeInstance closed = new FakeInstance("closed").running(GREMLIN, "a", 0, 1).running(GREMLIN, "b", 0, 2);
        closed.cancelError = new IllegalStateException("client closed");
        FakeInstance open = new FakeInstance("open").running(GREMLIN, "c", 0, 3);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(closed, open));

        List<SweepOutcome> outcomes = outcomes(() -> sweep.run(Selection.defaults(), Mode.cancel()));

        Map<String, Outcome> byId = outcomes.stream().collect(Collectors.toMap(SweepOutcome::id, SweepOutcome::outcome));
        assertThat(byId).containsExactlyInAnyOrderEntriesOf(Map.of("a", Outcome.FAILED, "b", Outcome.FAILED,
            "c", Outcome.CANCELLED));
    }

    @Test
    void confirmReadsTheStatusUntilTheQueryIsGone() {
        FakeInstance instance = new FakeInstance("i1").running(GREMLIN, "q", 0, 120_000);
        instance.stopDelay = Duration.ofMillis(1_500); // listed as cancelled for 1.5 s after the cancel
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));

        StepVerifier.withVirtualTime(() -> sweep.run(Selection.defaults(),
                Mode.cancelAndConfirm(Duration.ofSeconds(5), Duration.ofMillis(500))))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(1_499))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(event -> {
                SweepOutcome outcome = (SweepOutcome) event;
                assertThat(outcome.outcome()).isEqualTo(Outcome.CONFIRMED);
                assertThat(outcome.timeToConfirm()).isEqualTo(Duration.ofMillis(1_500));
                assertThat(outcome.attempts()).isEqualTo(1);
            })
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        assertThat(instance.statusReads).hasValue(4); // at 0, 0.5, 1 and 1.5 s
        assertThat(instance.cancels).containsExactly("gremlin:q");
    }

    @Test
    void aQueryStillRunningAtTheDeadlineIsStillRunning() {
        FakeInstance instance = new FakeInstance("i1").running(OPEN_CYPHER, "q", 0, 120_000);
        instance.stopDelay = Duration.ofDays(365); // never stops
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));

        StepVerifier.withVirtualTime(() -> sweep.run(Selection.defaults(),
                Mode.cancelAndConfirm(Duration.ofSeconds(5), Duration.ofMillis(500))))
            .expectSubscription()
            .expectNoEvent(Duration.ofMillis(4_999))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(event -> {
                SweepOutcome outcome = (SweepOutcome) event;
                assertThat(outcome.outcome()).isEqualTo(Outcome.STILL_RUNNING);
                assertThat(outcome.timeToConfirm()).isNull();
            })
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        assertThat(instance.statusReads).hasValue(11); // every 0.5 s from 0 to the deadline at 5 s, both included
    }

    @Test
    void watchingNeverCancelsAQueryTwiceAndTakesNewOnesAsTheyCome() {
        FakeInstance instance = new FakeInstance("i1").running(GREMLIN, "first", 0, 120_000);
        instance.stopDelay = Duration.ofDays(365); // stays listed (cancelled: true), so each pass sees it again
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));
        Selection evenCancelled = Selection.defaults().withSkipCancelled(false);

        StepVerifier.withVirtualTime(() -> sweep.watch(evenCancelled, Mode.cancel(), Duration.ofSeconds(30)))
            .expectSubscription()
            .assertNext(event -> assertThat(((SweepOutcome) event).id()).isEqualTo("first"))
            .then(() -> instance.running(GREMLIN, "second", 0, 90_000))
            .expectNoEvent(Duration.ofSeconds(29))
            .thenAwait(Duration.ofSeconds(1))
            .assertNext(event -> assertThat(((SweepOutcome) event).id()).isEqualTo("second"))
            .expectNoEvent(Duration.ofSeconds(90))
            .thenCancel()
            .verify(Duration.ofSeconds(10));
        assertThat(instance.cancels).containsExactly("gremlin:first", "gremlin:second");
        assertThat(instance.listings).hasValue(10); // both languages, passes at 0, 30, 60, 90 and 120 s
    }

    @Test
    void aFailedListingDoesNotMakeTheWatchForgetWhatItCancelled() {
        FakeInstance instance = new FakeInstance("i1").running(GREMLIN, "q", 0, 120_000);
        instance.stopDelay = Duration.ofDays(365);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));
        Selection evenCancelled = Selection.defaults().withLanguages(GREMLIN).withSkipCancelled(false);

        StepVerifier.withVirtualTime(() -> sweep.watch(evenCancelled, Mode.cancel(), Duration.ofSeconds(10)))
            .expectSubscription()
            .assertNext(event -> assertThat(event).isInstanceOf(SweepOutcome.class))
            .then(() -> instance.listingError = new RuntimeException("timed out"))
            .thenAwait(Duration.ofSeconds(10))
            .assertNext(event -> assertThat(event).isInstanceOf(ListingFailure.class))
            .then(() -> instance.listingError = null)
            .expectNoEvent(Duration.ofSeconds(30))
            .thenCancel()
            .verify(Duration.ofSeconds(10));
        assertThat(instance.cancels).containsExactly("gremlin:q");
    }

    @Test
    void watchingForgetsQueriesThatAreGone() {
        FakeInstance instance = new FakeInstance("i1").running(GREMLIN, "q", 0, 120_000);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(instance));

        StepVerifier.withVirtualTime(() -> sweep.watch(Selection.defaults().withLanguages(GREMLIN), Mode.dryRun(),
                Duration.ofSeconds(10)))
            .expectSubscription()
            .assertNext(event -> assertThat(((SweepOutcome) event).id()).isEqualTo("q"))
            .then(() -> instance.finish("q"))
            .expectNoEvent(Duration.ofSeconds(10)) // listed without it: forgotten
            .then(() -> instance.running(GREMLIN, "q", 0, 120_000)) // (a new query cannot reuse an id; a fake can)
            .thenAwait(Duration.ofSeconds(10))
            .assertNext(event -> assertThat(((SweepOutcome) event).id()).isEqualTo("q"))
            .thenCancel()
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void selectionsAndModesRefuseNonsense() {
        assertThatThrownBy(() -> Selection.defaults().withMaxCount(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Selection.defaults().withMinimumAge(Duration.ofSeconds(-1)))
            .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Selection.defaults().withLanguages()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Mode.cancelAndConfirm(Duration.ZERO, Duration.ofSeconds(1)))
            .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NeptuneSweep.overInstances(List.of())).isInstanceOf(InvalidInputException.class);
        NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(new FakeInstance("i1")));
        assertThatThrownBy(() -> sweep.watch(Selection.defaults(), Mode.dryRun(), Duration.ZERO))
            .isInstanceOf(InvalidInputException.class);
        assertThat(Mode.cancel().confirmTimeout()).isNull();
    }
}
