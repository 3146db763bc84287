package io.querystop.emulator.junit;

import static io.querystop.emulator.junit.ExtensionSamples.SEEN;
import static io.querystop.emulator.junit.ExtensionSamples.assertRefusesConnections;
import static io.querystop.emulator.junit.ExtensionSamples.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.querystop.emulator.Emulator;
import io.querystop.emulator.junit.ExtensionSamples.Seen;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the sample test classes of {@link ExtensionSamples} through the JUnit Platform and checks what their tests
 * saw: which emulator was injected where, that it was reset between tests, and that its port refuses connections
 * once the class (or, per test, the test) is done.
 */
class EmulatorExtensionTests {

    @BeforeEach
    void forgetEarlierRuns() {
        SEEN.clear();
    }

    @Test
    void injectsOneEmulatorIntoConstructorsLifecycleMethodsAndTestsAndResetsItBeforeEachTest() {
        assertAllPassed(run(ExtensionSamples.InjectedSample.class), 2);

        assertThat(SEEN).extracting(Seen::where).containsExactly("beforeAll", "constructor", "beforeEach", "first",
            "constructor", "beforeEach", "second");
        assertThat(SEEN).extracting(Seen::emulator).containsOnly(SEEN.get(0).emulator());
        assertRefusesConnections(SEEN.get(0).endpoint());
    }

    @Test
    void eachTestClassHasItsOwnEmulator() {
        assertAllPassed(run(ExtensionSamples.InjectedSample.class, ExtensionSamples.AccessorSample.class), 3);

        Emulator injected = seen("first").emulator();
        Emulator programmatic = seen("accessors").emulator();
        assertThat(injected).isNotSameAs(programmatic);
        assertThat(seen("second").emulator()).isSameAs(injected);
        assertThat(seen("accessors-beforeAll").emulator()).isSameAs(programmatic);
        assertRefusesConnections(seen("first").endpoint());
        assertRefusesConnections(seen("accessors").endpoint());
    }

    @Test
    void aStaticFieldOffersTheRunningEmulatorWithItsSettingsAndNoneAfterTheClass() {
        assertAllPassed(run(ExtensionSamples.AccessorSample.class), 1);

        assertThat(seen("accessors").endpoint()).hasScheme("https");
        assertRefusesConnections(seen("accessors").endpoint());
        assertThatThrownBy(ExtensionSamples.AccessorSample.emulator::emulator)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no emulator is running");
        assertThat(ExtensionSamples.AccessorSample.emulator).hasToString("EmulatorExtension[per class, not running]");
    }

    @Test
    void aPerClassTestInstanceGetsTheEmulatorInItsConstructorBeforeBeforeAll() {
        assertAllPassed(run(ExtensionSamples.PerClassInstanceSample.class), 1);

        assertThat(SEEN).extracting(Seen::where).containsExactly("constructor", "beforeAll", "test");
        assertThat(SEEN).extracting(Seen::emulator).containsOnly(SEEN.get(0).emulator());
        assertRefusesConnections(SEEN.get(0).endpoint());
    }

    @Test
    void nestedClassesShareTheOutermostClasssEmulator() {
        assertAllPassed(run(ExtensionSamples.NestedSample.class), 2);

        assertThat(seen("inner").emulator()).isSameAs(seen("outer").emulator());
        assertRefusesConnections(seen("outer").endpoint());
    }

    @Test
    void perTestStartsAnEmulatorForEachTestAndClosesItAfterTheTest() {
        assertAllPassed(run(ExtensionSamples.PerTestSample.class), 2);

        assertThat(SEEN).extracting(Seen::where).containsExactly("constructor", "beforeEach", "first",
            "constructor", "beforeEach", "second");
        assertThat(SEEN.subList(0, 3)).extracting(Seen::emulator).containsOnly(SEEN.get(0).emulator());
        assertThat(SEEN.subList(3, 6)).extracting(Seen::emulator).containsOnly(SEEN.get(3).emulator());
        assertThat(SEEN.get(3).emulator()).isNotSameAs(SEEN.get(0).emulator());
        assertRefusesConnections(seen("second").endpoint());
    }

    @Test
    void aClusterRegistrationInjectsTheClusterAndItsWriterResetsEveryInstanceAndClosesThemAll() {
        assertAllPassed(run(ExtensionSamples.ClusterSample.class), 2);

        assertThat(seen("cluster-second").emulator()).isSameAs(seen("cluster-0").emulator());
        for (int i = 0; i < 3; i++) {
            assertRefusesConnections(seen("cluster-" + i).endpoint());
        }
    }

    @Test
    void anInstanceFieldRegistrationFailsWithAMessageSayingWhatToDo() {
        run(ExtensionSamples.InstanceFieldSample.class).testEvents().assertThatEvents().haveExactly(1,
            event(test("test"), finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                message(text -> text.contains("make the field static")))));
    }

    @Test
    void perTestWorksOnAnInstanceFieldToo() {
        assertAllPassed(run(ExtensionSamples.InstanceFieldPerTestSample.class), 1);

        assertRefusesConnections(seen("test").endpoint());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static EngineExecutionResults run(Class<?>... samples) {
        return EngineTestKit.engine("junit-jupiter")
            .selectors(Arrays.stream(samples).map(sample -> selectClass(sample)).toArray(ClassSelector[]::new))
            .execute();
    }

    private static void assertAllPassed(EngineExecutionResults results, int tests) {
        List<String> failures = results.allEvents().failed().stream()
            .map(event -> event.getTestDescriptor().getDisplayName() + ": " + event
                .getRequiredPayload(TestExecutionResult.class).getThrowable().map(Throwable::toString).orElse("?"))
            .toList();
        assertThat(failures).as("failures in the samples").isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
    }
}
