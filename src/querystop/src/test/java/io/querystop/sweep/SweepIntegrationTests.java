package io.querystop.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.emulator.CloudTrailQuerySeed;
import io.querystop.emulator.EmulatedCluster;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.LoadSeed;
import io.querystop.emulator.QuerySeed;
import io.querystop.emulator.RecordedRequest;
import io.querystop.emulator.Route;
import io.querystop.emulator.junit.EmulatorExtension;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.sweep.SweepOutcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The sweeps through the real clients against an emulated cluster of three instances (one writer, two readers), whose
 * cancellations take effect 300 ms after they are accepted.
 */
class SweepIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension emulators = EmulatorExtension
        .withSettings(builder -> builder.cancellationDelay(Duration.ofMillis(300))).instances(3);

    private final List<AutoCloseable> clients = new ArrayList<>();

    private Map<String, NeptuneDataClient> clients(List<Emulator> instances) {
        Map<String, NeptuneDataClient> byEndpoint = new LinkedHashMap<>();
        for (Emulator instance : instances) {
            NeptuneDataClient client = NeptuneDataClient.builder().endpoint(instance.endpoint().toString())
                .region(instance.region()).credentialsProvider(instance.credentialsProvider()).build();
            clients.add(client);
            byEndpoint.put(instance.endpoint().toString(), client);
        }
        return byEndpoint;
    }

    private CloudTrailClient cloudTrail(Emulator instance) {
        CloudTrailClient client = CloudTrailClient.builder().endpointOverride(instance.endpoint().toString())
            .region(instance.region()).credentialsProvider(instance.credentialsProvider()).build();
        clients.add(client);
        return client;
    }

    @BeforeEach
    void drainRequests(EmulatedCluster cluster) throws InterruptedException {
        for (Emulator instance : cluster.instances()) {
            while (instance.takeRequest(Duration.ZERO) != null) {
                // a fresh log for each test
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    private static List<SweepEvent> all(Flux<SweepEvent> sweep) {
        List<SweepEvent> events = new ArrayList<>();
        StepVerifier.create(sweep).recordWith(() -> events).thenConsumeWhile(event -> true).expectComplete()
            .verify(Duration.ofSeconds(30));
        return events;
    }

    private static Map<String, SweepOutcome> byId(List<SweepEvent> events) {
        assertThat(events).allMatch(SweepOutcome.class::isInstance);
        return events.stream().map(SweepOutcome.class::cast)
            .collect(Collectors.toMap(SweepOutcome::id, outcome -> outcome));
    }

    private static List<RecordedRequest> requests(Emulator instance) throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (RecordedRequest request = instance.takeRequest(Duration.ZERO); request != null;
             request = instance.takeRequest(Duration.ZERO)) {
            requests.add(request);
        }
        return requests;
    }

    private static void seedQueries(EmulatedCluster cluster) {
        Emulator writer = cluster.writer();
        Emulator reader1 = cluster.readers().get(0);
        Emulator reader2 = cluster.readers().get(1);
        writer.addQuery(QuerySeed.gremlin("w-old", "g.V().repeat(out()).times(9)")
            .running(Duration.ZERO, Duration.ofMinutes(10)));
        writer.addQuery(QuerySeed.openCypher("w-young", "MATCH (n) RETURN n").running(Duration.ZERO,
            Duration.ofSeconds(5)));
        reader1.addQuery(QuerySeed.gremlin("r1-old", "g.E().count()").running(Duration.ZERO, Duration.ofMinutes(6)));
        reader1.addQuery(QuerySeed.gremlin("r1-waiting", "g.V().count()").waiting(Duration.ofMinutes(7)));
        reader2.addQuery(QuerySeed.openCypher("r2-old", "MATCH (a)-[*1..9]->(b) RETURN b")
            .running(Duration.ofMinutes(2), Duration.ofMinutes(4)));
    }

    @Test
    void aSweepWithConfirmStopsTheOldQueriesOfEveryInstanceThroughTheInstanceThatRunsThem(EmulatedCluster cluster)
        throws InterruptedException {
        seedQueries(cluster);
        NeptuneSweep sweep = NeptuneSweep.over(clients(cluster.instances()));

        Map<String, SweepOutcome> outcomes = byId(all(sweep.run(Selection.defaults().withMinimumAge(
            Duration.ofMinutes(5)), Mode.cancelAndConfirm(Duration.ofSeconds(10), Duration.ofMillis(50)))));

        assertThat(outcomes).containsOnlyKeys("w-old", "r1-old", "r2-old");
        assertThat(outcomes.values()).extracting(SweepOutcome::outcome).containsOnly(Outcome.CONFIRMED);
        assertThat(outcomes.get("r2-old").waitedMillis()).isGreaterThanOrEqualTo(120_000);
        assertThat(outcomes.get("r2-old").ageMillis()).isGreaterThanOrEqualTo(360_000);
        assertThat(outcomes.get("r2-old").language()).isEqualTo("opencypher");
        assertThat(outcomes.get("r1-old").timeToConfirm()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        Map<String, Emulator> instances = Map.of("w-old", cluster.writer(), "r1-old", cluster.readers().get(0),
            "r2-old", cluster.readers().get(1));
        instances.forEach((id, instance) -> {
            assertThat(outcomes.get(id).endpoint()).isEqualTo(instance.endpoint().toString());
            assertThat(instance.state(id.startsWith("r2") ? Route.CANCEL_OPEN_CYPHER_QUERY : Route.CANCEL_GREMLIN_QUERY,
                id)).hasValue("CANCELLED");
        });
        for (Emulator instance : cluster.instances()) {
            Set<String> cancelled = requests(instance).stream()
                .filter(r -> r.route() == Route.CANCEL_GREMLIN_QUERY || r.route() == Route.CANCEL_OPEN_CYPHER_QUERY)
                .map(RecordedRequest::id).collect(Collectors.toSet());
            assertThat(cancelled).containsExactlyInAnyOrderElementsOf(instances.entrySet().stream()
                .filter(e -> e.getValue() == instance).map(Map.Entry::getKey).toList());
        }
    }

    @Test
    void aDryRunListsWithoutSendingAnyCancelAndWaitingQueriesComeWhenAskedFor(EmulatedCluster cluster)
        throws InterruptedException {
        seedQueries(cluster);
        NeptuneSweep sweep = NeptuneSweep.over(clients(cluster.instances()));

        Map<String, SweepOutcome> outcomes = byId(all(sweep.run(Selection.defaults()
            .withMinimumAge(Duration.ofMinutes(5)).withIncludeWaiting(true), Mode.dryRun())));

        assertThat(outcomes).containsOnlyKeys("w-old", "r1-old", "r1-waiting", "r2-old");
        assertThat(outcomes.values()).extracting(SweepOutcome::outcome).containsOnly(Outcome.SELECTED);
        for (Emulator instance : cluster.instances()) {
            assertThat(requests(instance)).extracting(RecordedRequest::route)
                .containsOnly(Route.LIST_GREMLIN_QUERIES, Route.LIST_OPEN_CYPHER_QUERIES);
        }
    }

    @Test
    void theLoadSweepCancelsOldLoadsOnTheWriterAndAReplicaRefusesWith405(EmulatedCluster cluster) {
        Instant now = Instant.now();
        Emulator writer = cluster.writer();
        writer.addLoad(LoadSeed.of("old").startTime(now.minus(Duration.ofHours(2))));
        writer.addLoad(LoadSeed.of("recent").startTime(now.minus(Duration.ofMinutes(10))));
        writer.addLoad(LoadSeed.of("done").status("LOAD_COMPLETED").startTime(now.minus(Duration.ofHours(3))));
        Selection hourOld = Selection.defaults().withMinimumAge(Duration.ofHours(1));

        Map<String, SweepOutcome> onWriter = byId(all(LoadSweep.over(clients(List.of(writer)))
            .run(hourOld, Mode.cancelAndConfirm(Duration.ofSeconds(10), Duration.ofMillis(50)))));

        assertThat(onWriter).containsOnlyKeys("old");
        assertThat(onWriter.get("old").outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(onWriter.get("old").language()).isEqualTo("load");
        assertThat(writer.state(Route.CANCEL_LOADER_JOB, "old")).hasValue("LOAD_CANCELLED_BY_USER");

        // through a reader endpoint, the listing may reach the writer and the cancel a replica, which refuses it
        writer.addLoad(LoadSeed.of("via-reader").startTime(now.minus(Duration.ofHours(2))));
        Map<String, NeptuneDataClient> both = clients(List.of(writer, cluster.readers().get(0)));
        List<NeptuneClientInstance> ports = NeptuneClientInstance.of(both);
        LoaderInstance readerEndpoint = new ReaderEndpoint(ports.get(0), ports.get(1));
        Map<String, SweepOutcome> onReader = byId(all(LoadSweep.overInstances(List.of(readerEndpoint))
            .run(hourOld, Mode.cancel())));

        assertThat(onReader).containsOnlyKeys("via-reader");
        assertThat(onReader.get("via-reader").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(onReader.get("via-reader").details()).containsEntry("reason", LoadSweep.READ_REPLICA);
        assertThat(onReader.get("via-reader").error()).hasMessageContaining("read replica");
    }

    /** A reader endpoint whose connections happen to list on the writer and cancel on a replica. */
    private record ReaderEndpoint(NeptuneClientInstance writer, NeptuneClientInstance replica)
        implements LoaderInstance {

        @Override
        public String endpoint() {
            return "reader-endpoint";
        }

        @Override
        public reactor.core.publisher.Mono<List<String>> listLoadIds(boolean includeQueued) {
            return writer.listLoadIds(includeQueued);
        }

        @Override
        public reactor.core.publisher.Mono<LoadStatus> loadStatus(String loadId) {
            return writer.loadStatus(loadId);
        }

        @Override
        public reactor.core.publisher.Mono<?> cancelLoad(String loadId, io.querystop.CallOptions options) {
            return replica.cancelLoad(loadId, options);
        }

        @Override
        public boolean isNotRunning(Throwable error) {
            return replica.isNotRunning(error);
        }

        @Override
        public boolean isReadReplicaRefusal(Throwable error) {
            return replica.isReadReplicaRefusal(error);
        }
    }

    @Test
    void theCloudTrailSweepPagesThroughEveryStoreAndConfirms(EmulatedCluster cluster) {
        Emulator writer = cluster.writer();
        String other = writer.addEventDataStore("audit");
        Instant now = Instant.now();
        for (int i = 0; i < 12; i++) {
            writer.addCloudTrailQuery(CloudTrailQuerySeed.of(String.format("0000000%d-0000-4000-8000-%012d", i % 2, i))
                .eventDataStore(i % 2 == 0 ? writer.eventDataStoreArn() : other)
                .status(i % 3 == 0 ? "QUEUED" : "RUNNING").queryString("SELECT eventName FROM eds")
                .creationTime(now.minus(Duration.ofMinutes(i < 10 ? 45 : 5))).statistics(10, 1_000, 4_096));
        }
        writer.addCloudTrailQuery(CloudTrailQuerySeed.of("00000009-0000-4000-8000-000000000099").status("FINISHED")
            .creationTime(now.minus(Duration.ofHours(2))));

        Map<String, SweepOutcome> outcomes = byId(all(CloudTrailSweep.over(cloudTrail(writer), List.of())
            .run(Selection.defaults().withMinimumAge(Duration.ofMinutes(30)),
                Mode.cancelAndConfirm(Duration.ofSeconds(10), Duration.ofMillis(50)))));

        assertThat(outcomes).hasSize(10);
        assertThat(outcomes.values()).extracting(SweepOutcome::outcome).containsOnly(Outcome.CONFIRMED);
        assertThat(outcomes.values()).extracting(SweepOutcome::language).containsOnly("sql");
        assertThat(outcomes.values()).allSatisfy(outcome -> {
            assertThat(outcome.query()).isEqualTo("SELECT eventName FROM eds");
            assertThat(outcome.details()).containsEntry("BytesScanned", 4_096L);
            // measured on the service's clock, which its Date header gives to the second
            assertThat(outcome.ageMillis()).isBetween(Duration.ofMinutes(45).minusSeconds(1).toMillis(),
                Duration.ofMinutes(46).toMillis());
        });
        assertThat(outcomes.values().stream().map(o -> o.details().get("eventDataStore")).collect(Collectors.toSet()))
            .containsExactlyInAnyOrder(writer.eventDataStoreArn(), other);
    }
}
