package io.querystop.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.RawHttp;
import io.querystop.emulator.Route;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small sample test classes through the JUnit Platform and checks what their tests saw: which emulator was
 * injected where, that it was reset between tests, and that its port refuses connections once the class is done.
 * The samples are nested classes, so that the build's own test run does not pick them up.
 */
class EmulatorExtensionTests {

    /** What a sample saw, in the order it saw it. */
    record Seen(String where, Emulator emulator, URI endpoint) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    static void see(String where, Emulator emulator, URI endpoint) {
        assertThat(endpoint).as("the endpoint injected in " + where).isEqualTo(emulator.endpoint());
        SEEN.add(new Seen(where, emulator, endpoint));
    }

    static Seen seen(String where) {
        return SEEN.stream().filter(seen -> seen.where().equals(where)).findFirst().orElseThrow();
    }

    @BeforeEach
    void forgetEarlierRuns() {
        SEEN.clear();
    }

    @Test
    void injectsOneEmulatorIntoConstructorsLifecycleMethodsAndTestsAndResetsItBeforeEachTest() {
        assertAllPassed(run(InjectedSample.class), 2);

        assertThat(SEEN).extracting(Seen::where).containsExactly("beforeAll", "constructor", "beforeEach", "first",
            "constructor", "beforeEach", "second");
        assertThat(SEEN).extracting(Seen::emulator).containsOnly(SEEN.get(0).emulator());
        assertRefusesConnections(SEEN.get(0).endpoint());
    }

    @Test
    void eachTestClassHasItsOwnEmulator() {
        assertAllPassed(run(InjectedSample.class, AccessorSample.class), 3);

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
        assertAllPassed(run(AccessorSample.class), 1);

        assertThat(seen("accessors").endpoint()).hasScheme("https");
        assertRefusesConnections(seen("accessors").endpoint());
        assertThatThrownBy(AccessorSample.emulator::emulator).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no emulator is running");
        assertThat(AccessorSample.emulator).hasToString("EmulatorExtension[per class, not running]");
    }

    @Test
    void aPerClassTestInstanceGetsTheEmulatorInItsConstructorBeforeBeforeAll() {
        assertAllPassed(run(PerClassInstanceSample.class), 1);

        assertThat(SEEN).extracting(Seen::where).containsExactly("constructor", "beforeAll", "test");
        assertThat(SEEN).extracting(Seen::emulator).containsOnly(SEEN.get(0).emulator());
        assertRefusesConnections(SEEN.get(0).endpoint());
    }

    @Test
    void nestedClassesShareTheOutermostClasssEmulator() {
        assertAllPassed(run(NestedSample.class), 2);

        assertThat(seen("inner").emulator()).isSameAs(seen("outer").emulator());
        assertRefusesConnections(seen("outer").endpoint());
    }

    @Test
    void perTestStartsAnEmulatorForEachTestAndClosesItAfterTheTest() {
        assertAllPassed(run(PerTestSample.class), 2);

        assertThat(SEEN).extracting(Seen::where).containsExactly("constructor", "beforeEach", "first",
            "constructor", "beforeEach", "second");
        assertThat(SEEN.subList(0, 3)).extracting(Seen::emulator).containsOnly(SEEN.get(0).emulator());
        assertThat(SEEN.subList(3, 6)).extracting(Seen::emulator).containsOnly(SEEN.get(3).emulator());
        assertThat(SEEN.get(3).emulator()).isNotSameAs(SEEN.get(0).emulator());
        assertRefusesConnections(seen("second").endpoint());
    }

    @Test
    void anInstanceFieldRegistrationFailsWithAMessageSayingWhatToDo() {
        run(InstanceFieldSample.class).testEvents().assertThatEvents().haveExactly(1,
            event(test("test"), finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                message(text -> text.contains("make the field static")))));
    }

    @Test
    void perTestWorksOnAnInstanceFieldToo() {
        assertAllPassed(run(InstanceFieldPerTestSample.class), 1);

        assertRefusesConnections(seen("test").endpoint());
    }

    // ---- samples, run only through the test kit ----------------------------------------------------------------

    @ExtendWith(EmulatorExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InjectedSample {

        private final Emulator fromConstructor;

        InjectedSample(Emulator emulator, URI endpoint) {
            see("constructor", emulator, endpoint);
            this.fromConstructor = emulator;
        }

        @BeforeAll
        static void beforeAll(Emulator emulator, URI endpoint) {
            see("beforeAll", emulator, endpoint);
            emulator.addGremlinQuery("from-before-all");
        }

        @BeforeEach
        void beforeEach(Emulator emulator, URI endpoint) {
            see("beforeEach", emulator, endpoint);
        }

        @Test
        @Order(1)
        void first(Emulator emulator, URI endpoint) {
            see("first", emulator, endpoint);
            assertThat(emulator).isSameAs(fromConstructor);
            assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "from-before-all")).isEmpty();

            emulator.addGremlinQuery("q-1");
            emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(418, "text/plain", "queued"));
            emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(418, "text/plain", "queued"));
            emulator.faultPolicy(request -> Fault.respond(503, "text/plain", "policy"));

            assertThat(RawHttp.cancelGremlinQuery(endpoint, "q-1").status()).isEqualTo(418);
            assertThat(emulator.requestCount()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void second(Emulator emulator, URI endpoint) throws InterruptedException {
            see("second", emulator, endpoint);
            assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "q-1")).isEmpty();
            assertThat(emulator.requestCount()).isZero();
            assertThat(emulator.takeRequest(Duration.ZERO)).isNull();

            RawHttp.Answer answer = RawHttp.cancelGremlinQuery(endpoint, "q-1"); // neither queued fault nor policy

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).contains("AccessDeniedException");
        }
    }

    static class AccessorSample {

        @RegisterExtension
        static final EmulatorExtension emulator = EmulatorExtension.withSettings(builder -> builder.selfSignedTls()
            .region("eu-west-2").credentials("AKIDSAMPLE", "sample-secret"));

        @BeforeAll
        static void beforeAll() {
            see("accessors-beforeAll", emulator.emulator(), emulator.endpoint());
        }

        @Test
        void accessors(Emulator injected) {
            see("accessors", injected, emulator.endpoint());
            assertThat(emulator.emulator()).isSameAs(injected);
            assertThat(emulator.region()).isEqualTo("eu-west-2");
            assertThat(emulator.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo("AKIDSAMPLE");
            assertThat(emulator).hasToString("EmulatorExtension[per class, " + injected.endpoint() + "]");

            RawHttp.Answer answer = RawHttp.cancelGremlinQuery(emulator.endpoint(), "q-1",
                tls -> tls.trustManager(injected.certificate()));

            assertThat(answer.status()).isEqualTo(403);
        }
    }

    @ExtendWith(EmulatorExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstanceSample {

        PerClassInstanceSample(Emulator emulator, URI endpoint) {
            see("constructor", emulator, endpoint);
        }

        @BeforeAll
        void beforeAll(Emulator emulator, URI endpoint) {
            see("beforeAll", emulator, endpoint);
        }

        @Test
        void test(Emulator emulator, URI endpoint) {
            see("test", emulator, endpoint);
            assertThat(RawHttp.cancelGremlinQuery(endpoint, "q-1").status()).isEqualTo(403);
        }
    }

    @ExtendWith(EmulatorExtension.class)
    static class NestedSample {

        @Test
        void outer(Emulator emulator, URI endpoint) {
            see("outer", emulator, endpoint);
        }

        @Nested
        class Inner {

            @Test
            void inner(Emulator emulator, URI endpoint) {
                see("inner", emulator, endpoint);
                assertThat(RawHttp.cancelGremlinQuery(endpoint, "q-1").status()).isEqualTo(403);
            }
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerTestSample {

        @RegisterExtension
        static final EmulatorExtension emulator = EmulatorExtension.create().perTest();

        private final Emulator fromConstructor;

        PerTestSample(Emulator emulator, URI endpoint) {
            see("constructor", emulator, endpoint);
            this.fromConstructor = emulator;
        }

        @BeforeEach
        void beforeEach(Emulator emulator, URI endpoint) {
            see("beforeEach", emulator, endpoint);
        }

        @Test
        @Order(1)
        void first(Emulator injected, URI endpoint) {
            see("first", injected, endpoint);
            assertThat(injected).isSameAs(fromConstructor).isSameAs(emulator.emulator());
        }

        @Test
        @Order(2)
        void second(Emulator injected, URI endpoint) {
            see("second", injected, endpoint);
            assertThat(injected).isSameAs(fromConstructor).isSameAs(emulator.emulator());
            assertRefusesConnections(seen("first").endpoint());
            assertThat(RawHttp.cancelGremlinQuery(endpoint, "q-1").status()).isEqualTo(403);
        }
    }

    static class InstanceFieldSample {

        @RegisterExtension
        final EmulatorExtension emulator = EmulatorExtension.create();

        @Test
        void test() {
        }
    }

    static class InstanceFieldPerTestSample {

        @RegisterExtension
        final EmulatorExtension emulator = EmulatorExtension.create().perTest();

        @Test
        void test(Emulator injected) {
            see("test", injected, emulator.endpoint());
            assertThat(RawHttp.cancelGremlinQuery(emulator.endpoint(), "q-1").status()).isEqualTo(403);
        }
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

    /** The emulator is closed: nothing listens on its port any more. */
    static void assertRefusesConnections(URI endpoint) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
            }
        }).as("a connection to " + endpoint).isInstanceOf(ConnectException.class);
    }
}
