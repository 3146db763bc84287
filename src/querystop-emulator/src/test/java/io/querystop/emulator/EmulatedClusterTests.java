package io.querystop.emulator;

import static io.querystop.emulator.Calls.delete;
import static io.querystop.emulator.Calls.get;
import static io.querystop.emulator.Calls.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster: instances on their own ports, one writer, readers, per-instance queries, shared CloudTrail. */
class EmulatedClusterTests {

    @Test
    void startsOneWriterAndReadersOnTheirOwnPortsAndGetEngineStatusSaysWhich() {
        try (EmulatedCluster cluster = EmulatedCluster.start(3)) {
            assertThat(cluster.instances()).hasSize(3);
            assertThat(cluster.writer()).isSameAs(cluster.instances().get(0));
            assertThat(cluster.readers()).containsExactlyElementsOf(cluster.instances().subList(1, 3));
            assertThat(cluster.endpoints()).doesNotHaveDuplicates().allSatisfy(endpoint ->
                assertThat(endpoint.getHost()).isEqualTo("127.0.0.1"));
            assertThat(cluster.instance(cluster.endpoints().get(2))).isSameAs(cluster.readers().get(1));

            Calls.Reply writer = get(cluster.writer(), "/status");
            assertThat(writer.status()).isEqualTo(200);
            assertThat(writer.json().get("role").asText()).isEqualTo("writer");
            assertThat(writer.json().get("status").asText()).isEqualTo("healthy");
            assertThat(writer.json().at("/settings/clusterQueryTimeoutInMs").asText()).isEqualTo("120000");
            assertThat(writer.json().get("dbEngineVersion").asText()).isNotEmpty();
            assertThat(writer.json().get("startTime").asText()).matches("\\w{3} \\w{3} \\d{2} [\\d:]{8} UTC \\d{4}");
            for (Emulator reader : cluster.readers()) {
                assertThat(get(reader, "/status").json().get("role").asText()).isEqualTo("reader");
                assertThat(reader.role()).isEqualTo("reader");
            }
            assertThat(cluster.writer().isWriter()).isTrue();
        }
    }

    @Test
    void aQueryExistsOnOneInstanceOnlyAndAnotherAnswersItsStatusAndCancel400() {
        try (EmulatedCluster cluster = EmulatedCluster.start(3)) {
            Emulator reader = cluster.readers().get(1);
            reader.addQuery(QuerySeed.gremlin("q-1", "g.V().count()"));

            for (Emulator other : List.of(cluster.writer(), cluster.readers().get(0))) {
                assertThat(ids(get(other, "/gremlin/status?includeWaiting=true"))).isEmpty();
                Calls.Reply status = get(other, "/gremlin/status/q-1");
                assertThat(status.status()).isEqualTo(400);
                assertThat(status.code()).isEqualTo("InvalidParameterException");
                assertThat(status.message()).isEqualTo("Supplied queryId q-1 is invalid");
                assertThat(delete(other, "/gremlin/status/q-1").status()).isEqualTo(400);
                assertThat(other.state(Route.CANCEL_GREMLIN_QUERY, "q-1")).isEmpty();
            }
            assertThat(reader.state(Route.CANCEL_GREMLIN_QUERY, "q-1")).contains("RUNNING");
            assertThat(ids(get(reader, "/gremlin/status"))).containsExactly("q-1");
            assertThat(delete(reader, "/gremlin/status/q-1").status()).isEqualTo(200);
            assertThat(reader.state(Route.CANCEL_GREMLIN_QUERY, "q-1")).contains("CANCELLED");
        }
    }

    @Test
    void theSameIdOnTwoInstancesIsTwoQueries() {
        try (EmulatedCluster cluster = EmulatedCluster.start(2)) {
            cluster.writer().addGremlinQuery("same");
            cluster.readers().get(0).addGremlinQuery("same");

            assertThat(delete(cluster.writer(), "/gremlin/status/same").status()).isEqualTo(200);

            assertThat(get(cluster.readers().get(0), "/gremlin/status/same").status()).isEqualTo(200);
        }
    }

    @Test
    void loadsRunOnTheWriterAndAReaderRefusesTheirCancellationWith405() {
        try (EmulatedCluster cluster = EmulatedCluster.start(2)) {
            Emulator reader = cluster.readers().get(0);
            cluster.writer().addLoaderJob("load-1");

            Calls.Reply refused = delete(reader, "/loader/load-1");

            assertThat(refused.status()).isEqualTo(405);
            assertThat(refused.code()).isEqualTo("MethodNotAllowedException");
            assertThat(refused.message()).isEqualTo("Load cancellation is not permitted on a read replica instance");
            assertThat(delete(reader, "/loader/unknown").status()).as("whatever the id").isEqualTo(405);
            assertThat(cluster.writer().state(Route.CANCEL_LOADER_JOB, "load-1")).contains("LOAD_IN_PROGRESS");
            assertThat(get(reader, "/loader").json().at("/payload/loadIds").size()).isZero();
            assertThatThrownBy(() -> reader.addLoaderJob("load-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("writer only");

            assertThat(delete(cluster.writer(), "/loader/load-1").status()).isEqualTo(200);
            assertThat(get(cluster.writer(), "/loader/load-1").json().at("/payload/overallStatus/status").asText())
                .isEqualTo("LOAD_CANCELLED_BY_USER");
        }
    }

    @Test
    void theInstancesShareOneQueryClockAndCancellationDelay() {
        ManualClock clock = ManualClock.startingAt(Instant.parse("2026-03-01T00:00:00Z"));
        try (EmulatedCluster cluster = EmulatedCluster.builder().instances(2).queryClock(clock)
                 .cancellationDelay(Duration.ofSeconds(10)).start()) {
            cluster.writer().addQuery(QuerySeed.gremlin("w", "g.V()"));
            cluster.readers().get(0).addQuery(QuerySeed.gremlin("r", "g.V()"));
            delete(cluster.readers().get(0), "/gremlin/status/r");

            clock.advance(Duration.ofSeconds(9));
            assertThat(get(cluster.writer(), "/gremlin/status/w").json().at("/queryEvalStats/elapsed").asLong())
                .isEqualTo(9_000);
            assertThat(get(cluster.readers().get(0), "/gremlin/status/r").status()).isEqualTo(200);

            clock.advance(Duration.ofSeconds(1));
            assertThat(get(cluster.readers().get(0), "/gremlin/status/r").status()).isEqualTo(400);
        }
    }

    @Test
    void cloudTrailIsOneRegionalAccountServedByEveryInstance() {
        try (EmulatedCluster cluster = EmulatedCluster.start(3)) {
            String id = "0f3c1e2a-0000-4000-8000-000000000001";
            cluster.readers().get(1).addCloudTrailQuery(id, "RUNNING");

            Calls.Reply described = Calls.cloudTrail(cluster.writer(), "DescribeQuery", "{\"QueryId\":\"" + id + "\"}");
            assertThat(described.json().get("QueryStatus").asText()).isEqualTo("RUNNING");
            assertThat(Calls.cloudTrail(cluster.readers().get(0), "CancelQuery", "{\"QueryId\":\"" + id + "\"}")
                .status()).isEqualTo(200);
            assertThat(cluster.writer().state(Route.CLOUDTRAIL_CANCEL_QUERY, id)).contains("CANCELLED");
            assertThat(cluster.writer().eventDataStoreArn()).isEqualTo(cluster.readers().get(1).eventDataStoreArn());
        }
    }

    @Test
    void aGivenPortIsTheWritersAndTheReadersTakeTheNextOnes() throws IOException {
        int base;
        try (ServerSocket probe = new ServerSocket(0)) {
            base = probe.getLocalPort();
        }
        try (EmulatedCluster cluster = EmulatedCluster.builder().instances(2)
                 .instanceSettings(builder -> builder.port(base)).start()) {
            assertThat(cluster.endpoints()).extracting(URI::getPort).containsExactly(base, base + 1);
        } catch (RuntimeException portTaken) {
            // another process took base or base + 1 meanwhile: nothing to check
            assertThat(portTaken).hasStackTraceContaining("Address already in use");
        }
    }

    @Test
    void resetClearsEveryInstanceAndCloseFreesEveryPort() {
        List<URI> endpoints;
        try (EmulatedCluster cluster = EmulatedCluster.start(2)) {
            endpoints = cluster.endpoints();
            cluster.writer().addGremlinQuery("a");
            cluster.readers().get(0).addGremlinQuery("b");
            get(cluster.readers().get(0), "/status");

            cluster.reset();

            assertThat(cluster.writer().state(Route.CANCEL_GREMLIN_QUERY, "a")).isEmpty();
            assertThat(cluster.readers().get(0).state(Route.CANCEL_GREMLIN_QUERY, "b")).isEmpty();
            assertThat(cluster.readers().get(0).requestCount()).isZero();
            assertThat(cluster.toString()).contains(endpoints.get(0).toString(), endpoints.get(1).toString());
        }
        for (URI endpoint : endpoints) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
                }
            }).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aClusterHasAtLeastOneInstance() {
        assertThatThrownBy(() -> EmulatedCluster.builder().instances(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
