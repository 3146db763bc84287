package io.querystop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.cloudtrail.DescribeQueryResponse;
import io.querystop.cloudtrail.ListQueriesRequest;
import io.querystop.cloudtrail.ListQueriesResponse;
import io.querystop.cloudtrail.Query;
import io.querystop.cloudtrail.QueryStatus;
import io.querystop.emulator.CloudTrailQuerySeed;
import io.querystop.emulator.EmulatedCluster;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.LoadSeed;
import io.querystop.emulator.ManualClock;
import io.querystop.emulator.QuerySeed;
import io.querystop.neptunedata.GetLoaderJobStatusRequest;
import io.querystop.neptunedata.GremlinQueryStatus;
import io.querystop.neptunedata.ListGremlinQueriesRequest;
import io.querystop.neptunedata.ListLoaderJobsRequest;
import io.querystop.neptunedata.ListOpenCypherQueriesRequest;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.errors.NeptuneDataErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The listing and status operations end to end: the library's clients against the emulated cluster, so that the
 * two sides' reading of the wire (member names, number and time formats, errors) is checked against each other and
 * not only against canned answers.
 */
class ClusterOperationsIntegrationTests {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static ManualClock clock;
    private static EmulatedCluster cluster;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        clock = ManualClock.startingAt(START);
        cluster = EmulatedCluster.builder().instances(3).queryClock(clock).start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        cluster.reset();
        clock.set(START);
    }

    private NeptuneDataClient neptune(Emulator instance) {
        NeptuneDataClient client = NeptuneDataClient.builder().endpoint(instance.endpoint().toString())
            .region(instance.region()).credentialsProvider(instance.credentialsProvider()).build();
        clients.add(client);
        return client;
    }

    private CloudTrailClient cloudTrail(Emulator instance) {
        CloudTrailClient client = CloudTrailClient.builder().endpointOverride(instance.endpoint().toString())
            .region(instance.region()).credentialsProvider(instance.credentialsProvider()).build();
        clients.add(client);
        return client;
    }

    @Test
    void eachInstanceListsItsOwnQueriesWithAgesThatAdvance() {
        Emulator reader = cluster.readers().get(0);
        reader.addQuery(QuerySeed.gremlin("g-run", "g.V().count()").running(Duration.ofMillis(200),
            Duration.ofSeconds(3)));
        reader.addQuery(QuerySeed.gremlin("g-wait", "g.E().count()").waiting(Duration.ofSeconds(1)));
        cluster.writer().addQuery(QuerySeed.gremlin("g-writer", "g.V()").running(Duration.ZERO, Duration.ZERO));
        clock.advance(Duration.ofSeconds(2));

        StepVerifier.create(neptune(reader).listGremlinQueries(new ListGremlinQueriesRequest(true)))
            .assertNext(list -> {
                assertThat(list.queries()).extracting(GremlinQueryStatus::queryId)
                    .containsExactlyInAnyOrder("g-run", "g-wait");
                GremlinQueryStatus running = list.queries().stream()
                    .filter(query -> query.queryId().equals("g-run")).findFirst().orElseThrow();
                assertThat(running.queryString()).isEqualTo("g.V().count()");
                assertThat(running.queryEvalStats().waited()).isEqualTo(200);
                assertThat(running.queryEvalStats().elapsed()).isEqualTo(5_000);
                assertThat(running.queryEvalStats().ageMillis()).isEqualTo(5_200);
            })
            .expectComplete()
            .verify(TIMEOUT);
        StepVerifier.create(neptune(reader).listGremlinQueries(new ListGremlinQueriesRequest(false)))
            .assertNext(list -> assertThat(list.queries()).extracting(GremlinQueryStatus::queryId)
                .containsExactly("g-run"))
            .expectComplete()
            .verify(TIMEOUT);
    }

    @Test
    void aQueryIsSeenAndCancelledOnlyThroughTheInstanceThatRunsIt() {
        Emulator runsIt = cluster.readers().get(0);
        Emulator other = cluster.readers().get(1);
        runsIt.addQuery(QuerySeed.openCypher("c-1", "MATCH (n) RETURN n").running(Duration.ZERO,
            Duration.ofSeconds(1)));

        StepVerifier.create(neptune(other).getOpenCypherQueryStatus("c-1"))
            .expectErrorSatisfies(error -> assertThat(NeptuneDataErrors.isNotRunning(error)).isTrue())
            .verify(TIMEOUT);
        StepVerifier.create(neptune(other).cancelOpenCypherQuery("c-1"))
            .expectErrorSatisfies(error -> assertThat(NeptuneDataErrors.isNotRunning(error)).isTrue())
            .verify(TIMEOUT);
        StepVerifier.create(neptune(runsIt).listOpenCypherQueries(new ListOpenCypherQueriesRequest(true)))
            .assertNext(list -> assertThat(list.queries()).singleElement()
                .satisfies(query -> assertThat(query.queryEvalStats().subqueries()).isEqualTo(0L)))
            .expectComplete()
            .verify(TIMEOUT);
        StepVerifier.create(neptune(runsIt).cancelOpenCypherQuery("c-1")).expectNextCount(1).expectComplete()
            .verify(TIMEOUT);
        StepVerifier.create(neptune(runsIt).getOpenCypherQueryStatus("c-1"))
            .expectErrorSatisfies(error -> assertThat(NeptuneDataErrors.isNotRunning(error)).isTrue())
            .verify(TIMEOUT);
    }

    @Test
    void engineStatusSaysWhichInstanceIsTheWriter() {
        StepVerifier.create(neptune(cluster.writer()).getEngineStatus())
            .assertNext(status -> assertThat(status.writer()).isTrue())
            .expectComplete()
            .verify(TIMEOUT);
        StepVerifier.create(neptune(cluster.readers().get(1)).getEngineStatus())
            .assertNext(status -> {
                assertThat(status.writer()).isFalse();
                assertThat(status.role()).isEqualTo("reader");
            })
            .expectComplete()
            .verify(TIMEOUT);
    }

    @Test
    void loadsAreListedAndReadOnTheWriterAndRefusedCancellationOnAReader() {
        Emulator writer = cluster.writer();
        writer.addLoad(LoadSeed.of("load-1").startTime(START.minusSeconds(3_600)));
        NeptuneDataClient neptune = neptune(writer);

        StepVerifier.create(neptune.listLoaderJobs(new ListLoaderJobsRequest(null, null)))
            .assertNext(list -> assertThat(list.payload().loadIds()).containsExactly("load-1"))
            .expectComplete()
            .verify(TIMEOUT);
        StepVerifier.create(neptune.getLoaderJobStatus(new GetLoaderJobStatusRequest("load-1", true, null, null,
                null)))
            .assertNext(status -> {
                assertThat(status.loadStatus()).isEqualTo("LOAD_IN_PROGRESS");
                assertThat(status.startTime()).isEqualTo(START.minusSeconds(3_600).getEpochSecond());
                assertThat(status.payload()).isInstanceOf(Map.class);
            })
            .expectComplete()
            .verify(TIMEOUT);
        StepVerifier.create(neptune(cluster.readers().get(0)).cancelLoaderJob("load-1"))
            .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining(
                "Load cancellation is not permitted on a read replica instance"))
            .verify(TIMEOUT);
        StepVerifier.create(neptune.cancelLoaderJob("load-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
        StepVerifier.create(neptune.getLoaderJobStatus("load-1"))
            .assertNext(status -> assertThat(status.loadStatus()).isEqualTo("LOAD_CANCELLED_BY_USER"))
            .expectComplete()
            .verify(TIMEOUT);
    }

    @Test
    void cloudTrailQueriesAreListedPageByPageWithTheirCreationTimeAndDescribed() {
        Emulator writer = cluster.writer();
        for (int i = 0; i < 5; i++) {
            writer.addCloudTrailQuery(CloudTrailQuerySeed.of(cloudTrailId(i)).creationTime(START.minusSeconds(60L * i))
                .queryString("SELECT * FROM store").statistics(10, 20, 4_096));
        }
        CloudTrailClient cloudTrail = cloudTrail(cluster.readers().get(1)); // a regional service: any endpoint
        ListQueriesRequest request = new ListQueriesRequest(writer.eventDataStoreArn()).withMaxResults(2);

        StepVerifier.create(cloudTrail.listQueriesPaginator(request).map(ListQueriesResponse::queries))
            .recordWith(ArrayList::new)
            .expectNextCount(3)
            .consumeRecordedWith(pages -> {
                List<Query> all = pages.stream().flatMap(List::stream).toList();
                assertThat(all).extracting(Query::queryId)
                    .containsExactlyInAnyOrder(cloudTrailId(0), cloudTrailId(1), cloudTrailId(2), cloudTrailId(3),
                        cloudTrailId(4));
                assertThat(all).filteredOn(query -> query.queryId().equals(cloudTrailId(3))).singleElement()
                    .satisfies(query -> assertThat(query.creationTime()).isEqualTo(START.minusSeconds(180)));
            })
            .expectComplete()
            .verify(TIMEOUT);
        StepVerifier.create(cloudTrail.describeQuery(cloudTrailId(2)))
            .assertNext((DescribeQueryResponse described) -> {
                assertThat(described.queryStatus()).isEqualTo(QueryStatus.RUNNING);
                assertThat(described.queryStatistics().bytesScanned()).isEqualTo(4_096L);
                assertThat(described.queryStatistics().creationTime()).isEqualTo(START.minusSeconds(120));
            })
            .expectComplete()
            .verify(TIMEOUT);
    }

    /** CloudTrail query ids are UUIDs (36 characters), which the client checks before sending. */
    private static String cloudTrailId(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }
}
