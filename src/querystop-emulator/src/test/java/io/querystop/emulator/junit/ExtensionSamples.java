package io.querystop.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querystop.emulator.EmulatedCluster;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.RawHttp;
import io.querystop.emulator.Route;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Small test classes that use the extension, run only through the JUnit Platform test kit by
 * {@link EmulatorExtensionTests}: their file name matches none of the build's test patterns, and nested classes are
 * not picked up on their own. They record what they saw in {@link #SEEN}.
 */
final class ExtensionSamples {

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

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClusterSample {

        @RegisterExtension
        static final EmulatorExtension cluster = EmulatorExtension.cluster(3);

        @Test
        @Order(1)
        void first(EmulatedCluster injected, Emulator emulator, URI endpoint) {
            assertThat(injected).isSameAs(cluster.cluster());
            assertThat(injected.instances()).hasSize(3);
            assertThat(emulator).isSameAs(injected.writer()).isSameAs(cluster.emulator());
            assertThat(endpoint).isEqualTo(injected.writer().endpoint());
            assertThat(cluster).hasToString("EmulatorExtension[per class, " + injected.endpoints() + "]");
            for (int i = 0; i < 3; i++) {
                see("cluster-" + i, injected.instances().get(i), injected.endpoints().get(i));
            }
            injected.readers().get(0).addGremlinQuery("q-1");
            assertThat(RawHttp.cancelGremlinQuery(injected.endpoints().get(2), "q-1").status()).isEqualTo(403);
        }

        @Test
        @Order(2)
        void second(EmulatedCluster injected) {
            see("cluster-second", injected.writer(), injected.writer().endpoint());
            assertThat(injected.readers().get(0).state(Route.CANCEL_GREMLIN_QUERY, "q-1")).isEmpty();
            assertThat(injected.readers().get(1).requestCount()).isZero();
        }
    }

    /** The emulator is closed: nothing listens on its port any more. */
    static void assertRefusesConnections(URI endpoint) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
            }
        }).as("a connection to " + endpoint).isInstanceOf(ConnectException.class);
    }

    private ExtensionSamples() {
    }
}
