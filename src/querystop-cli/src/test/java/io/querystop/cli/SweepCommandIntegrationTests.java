package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.emulator.CloudTrailQuerySeed;
import io.querystop.emulator.EmulatedCluster;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.LoadSeed;
import io.querystop.emulator.QuerySeed;
import io.querystop.emulator.RecordedRequest;
import io.querystop.emulator.Route;
import io.querystop.testing.Await;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code neptunedata sweep}, {@code neptunedata sweep-loads} and {@code cloudtrail sweep} in-process against an
 * emulated cluster of three instances whose cancellations take effect after 100 ms.
 */
@ExtendWith(CliRun.EmulatorCredentials.class)
class SweepCommandIntegrationTests {

    private static final EmulatedCluster CLUSTER = EmulatedCluster.builder().instances(3)
        .cancellationDelay(Duration.ofMillis(100)).start();

    private final CliRun.FakeSignals signals = new CliRun.FakeSignals();

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @BeforeEach
    void seed() throws InterruptedException {
        CLUSTER.reset();
        for (Emulator instance : CLUSTER.instances()) {
            while (instance.takeRequest(Duration.ZERO) != null) {
                // each test reads its own requests
            }
        }
        Emulator writer = CLUSTER.writer();
        writer.addQuery(QuerySeed.gremlin("w-old", "g.V().repeat(out()).times(9)")
            .running(Duration.ZERO, Duration.ofMinutes(10)));
        writer.addQuery(QuerySeed.gremlin("w-young", "g.V().count()").running(Duration.ZERO, Duration.ofSeconds(9)));
        CLUSTER.readers().get(0).addQuery(QuerySeed.openCypher("r1-old", "MATCH (n) RETURN n")
            .running(Duration.ofMinutes(1), Duration.ofMinutes(5)));
        CLUSTER.readers().get(0).addQuery(QuerySeed.gremlin("r1-waiting", "g.E()").waiting(Duration.ofMinutes(8)));
        CLUSTER.readers().get(1).addQuery(QuerySeed.gremlin("r2-old", "g.V().out().out().out()")
            .running(Duration.ZERO, Duration.ofHours(1)));
    }

    private static List<String> endpoints(List<Emulator> instances) {
        List<String> args = new ArrayList<>();
        for (Emulator instance : instances) {
            args.add("--endpoint-url");
            args.add(instance.endpoint().toString());
        }
        return args;
    }

    private CliRun sweep(String... more) {
        List<String> args = new ArrayList<>(List.of("neptunedata", "sweep"));
        args.addAll(endpoints(CLUSTER.instances()));
        args.addAll(List.of(more));
        return CliRun.run(signals, args.toArray(String[]::new));
    }

    private static Map<String, JsonNode> byId(CliRun run) {
        return run.lines().stream().collect(Collectors.toMap(line -> line.get("id").asText(), line -> line));
    }

    private static long cancels(Emulator instance) throws InterruptedException {
        long count = 0;
        for (RecordedRequest r = instance.takeRequest(Duration.ZERO); r != null; r = instance.takeRequest(Duration.ZERO)) {
            if (r.route() == Route.CANCEL_GREMLIN_QUERY || r.route() == Route.CANCEL_OPEN_CYPHER_QUERY
                || r.route() == Route.CANCEL_LOADER_JOB || r.route() == Route.CLOUDTRAIL_CANCEL_QUERY) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aDryRunThenASweepWithConfirm() throws InterruptedException {
        CliRun dry = sweep("--older-than", "5m", "--dry-run");

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(byId(dry)).containsOnlyKeys("w-old", "r1-old", "r2-old");
        JsonNode line = byId(dry).get("r1-old");
        assertThat(line.get("endpoint").asText()).isEqualTo(CLUSTER.readers().get(0).endpoint().toString());
        assertThat(line.get("language").asText()).isEqualTo("opencypher");
        assertThat(line.get("age_ms").asLong()).isGreaterThanOrEqualTo(360_000);
        assertThat(line.get("waited_ms").asLong()).isGreaterThanOrEqualTo(60_000);
        assertThat(line.get("query").asText()).isEqualTo("MATCH (n) RETURN n");
        assertThat(line.get("outcome").asText()).isEqualTo("selected");
        for (Emulator instance : CLUSTER.instances()) {
            assertThat(cancels(instance)).isZero();
        }
        assertThat(dry.err().lines().filter(l -> l.startsWith("sweep http://")).toList()).hasSize(3);

        CliRun swept = sweep("--older-than", "5m", "--include-waiting", "--confirm", "--confirm-timeout", "10s",
            "--poll-interval", "20ms");

        assertThat(swept.exit()).as(swept.err()).isZero();
        Map<String, JsonNode> outcomes = byId(swept);
        assertThat(outcomes).containsOnlyKeys("w-old", "r1-old", "r1-waiting", "r2-old");
        assertThat(outcomes.values()).allSatisfy(l -> {
            assertThat(l.get("outcome").asText()).isEqualTo("confirmed");
            assertThat(l.get("confirm_ms").asLong()).isGreaterThanOrEqualTo(50);
        });
        assertThat(swept.err()).contains("1 selected, 0 cancelled, 1 confirmed, 0 not running, 0 still running, 0 "
            + "failed; time to confirm p50");
        assertThat(CLUSTER.writer().state(Route.CANCEL_GREMLIN_QUERY, "w-young")).hasValue("RUNNING");
    }

    @Test
    void languageMatchAndMaxNarrowTheSelection() {
        assertThat(byId(sweep("--older-than", "1m", "--dry-run", "--language", "gremlin")))
            .containsOnlyKeys("w-old", "r2-old");
        assertThat(byId(sweep("--older-than", "1m", "--dry-run", "--match", "out\\(\\)\\.out")))
            .containsOnlyKeys("r2-old");
        assertThat(byId(sweep("--older-than", "1m", "--dry-run", "--max", "1"))).containsOnlyKeys("r2-old");
        CliRun bad = sweep("--language", "sparql");
        assertThat(bad.exit()).isEqualTo(252);
        assertThat(bad.err()).contains("--language");
    }

    @Test
    void anInstanceThatCannotBeListedFailsTheRunButNotTheOthers() {
        CliRun run = CliRun.run(signals, "neptunedata", "sweep", "--endpoint-url", "http://127.0.0.1:9",
            "--endpoint-url", CLUSTER.writer().endpoint().toString(), "--older-than", "5m",
            "--cli-connect-timeout", "1");

        assertThat(run.exit()).isEqualTo(254);
        assertThat(byId(run)).containsOnlyKeys("w-old");
        assertThat(run.err()).contains("querystop: cannot list gremlin on http://127.0.0.1:9");
    }

    @Test
    void otherCommandsRefuseASecondEndpoint() {
        CliRun run = CliRun.run(signals, "neptunedata", "cancel-gremlin-query", "--query-id", "w-old",
            "--endpoint-url", CLUSTER.writer().endpoint().toString(), "--endpoint-url", "http://127.0.0.1:9");

        assertThat(run.exit()).isEqualTo(252);
        assertThat(run.err()).contains("--endpoint-url: given more than once");
    }

    @Test
    void sweepLoadsCancelsOldLoadsOnTheWriter() {
        Instant now = Instant.now();
        CLUSTER.writer().addLoad(LoadSeed.of("old-load").startTime(now.minus(Duration.ofHours(3))));
        CLUSTER.writer().addLoad(LoadSeed.of("new-load").startTime(now.minus(Duration.ofMinutes(3))));

        CliRun run = CliRun.run(signals, "neptunedata", "sweep-loads", "--endpoint-url",
            CLUSTER.writer().endpoint().toString(), "--confirm", "--poll-interval", "20ms");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode line = byId(run).get("old-load");
        assertThat(byId(run)).containsOnlyKeys("old-load");
        assertThat(line.get("language").asText()).isEqualTo("load");
        assertThat(line.get("outcome").asText()).isEqualTo("confirmed");
        assertThat(line.get("details").get("status").asText()).isEqualTo("LOAD_IN_PROGRESS");
    }

    @Test
    void cloudTrailSweepCancelsOldQueriesOfTheStoresGiven() {
        Emulator writer = CLUSTER.writer();
        Instant now = Instant.now();
        writer.addCloudTrailQuery(CloudTrailQuerySeed.of("00000000-0000-4000-8000-000000000001")
            .queryString("SELECT 1").creationTime(now.minus(Duration.ofMinutes(40))));
        writer.addCloudTrailQuery(CloudTrailQuerySeed.of("00000000-0000-4000-8000-000000000002")
            .queryString("SELECT 2").creationTime(now.minus(Duration.ofMinutes(4))));

        CliRun run = CliRun.run(signals, "cloudtrail", "sweep", "--endpoint-url", writer.endpoint().toString(),
            "--event-data-store", writer.eventDataStoreArn(), "--confirm", "--poll-interval", "20ms");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(byId(run)).containsOnlyKeys("00000000-0000-4000-8000-000000000001");
        JsonNode line = byId(run).get("00000000-0000-4000-8000-000000000001");
        assertThat(line.get("language").asText()).isEqualTo("sql");
        assertThat(line.get("query").asText()).isEqualTo("SELECT 1");
        assertThat(line.get("outcome").asText()).isEqualTo("confirmed");
        assertThat(line.get("details").get("eventDataStore").asText()).isEqualTo(writer.eventDataStoreArn());
    }

    @Test
    void watchingStopsOnSigintAfterTheSummary() throws Exception {
        List<String> args = new ArrayList<>(List.of("neptunedata", "sweep"));
        args.addAll(endpoints(CLUSTER.instances()));
        args.addAll(List.of("--older-than", "5m", "--watch", "200ms"));
        CompletableFuture<CliRun> running = CliRun.start(signals, new ByteArrayInputStream(new byte[0]),
            args.toArray(String[]::new));

        assertThat(Await.until(Duration.ofSeconds(20), () -> signals.installs() > 0 && !CLUSTER.readers().get(1)
            .state(Route.CANCEL_GREMLIN_QUERY, "r2-old").orElse("").equals("RUNNING")))
            .as("the first pass cancelled r2-old").isTrue();
        CLUSTER.writer().addQuery(QuerySeed.gremlin("w-later", "g.V()").running(Duration.ZERO, Duration.ofHours(2)));
        assertThat(Await.until(Duration.ofSeconds(20), () -> !CLUSTER.writer()
            .state(Route.CANCEL_GREMLIN_QUERY, "w-later").orElse("").equals("RUNNING")))
            .as("a later pass cancelled w-later").isTrue();
        signals.send("INT");
        CliRun run = running.get(20, TimeUnit.SECONDS);

        assertThat(run.exit()).isEqualTo(130);
        // r1-waiting starts to run once r1-old is gone, 8 min old already: a later pass may take it, once
        assertThat(run.lines()).extracting(line -> line.get("id").asText()).doesNotHaveDuplicates()
            .contains("w-old", "r1-old", "r2-old", "w-later")
            .isSubsetOf("w-old", "r1-old", "r2-old", "w-later", "r1-waiting");
        assertThat(run.err()).contains("(stopped by SIGINT)");
        assertThat(signals.restores()).isEqualTo(signals.installs());
    }
}
