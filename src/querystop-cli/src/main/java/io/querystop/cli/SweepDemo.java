package io.querystop.cli;

import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.emulator.CloudTrailQuerySeed;
import io.querystop.emulator.EmulatedCluster;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.LoadSeed;
import io.querystop.emulator.QuerySeed;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.sweep.CloudTrailSweep;
import io.querystop.sweep.LoadSweep;
import io.querystop.sweep.Mode;
import io.querystop.sweep.NeptuneSweep;
import io.querystop.sweep.Selection;
import io.querystop.sweep.SweepEvent;
import io.querystop.sweep.SweepOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The demo's first part: a 3-instance emulated cluster with a realistic mix (many short queries, some long and
 * waiting ones, old loads on the writer, CloudTrail Lake queries), a dry run, then a sweep with confirm of everything
 * older than the thresholds, and a per-instance report. Every figure is measured in this run.
 */
final class SweepDemo {

    static final Duration QUERY_AGE = Duration.ofMinutes(5);
    static final Duration LOAD_AGE = Duration.ofHours(1);
    static final Duration CLOUDTRAIL_AGE = Duration.ofMinutes(30);
    static final Duration CANCELLATION_DELAY = Duration.ofMillis(200);

    private final PrintStream out;
    private final int shortQueries;
    private final int longQueries;
    private final int waitingQueries;
    private final Random random = new Random(12);

    SweepDemo(PrintStream out, int shortQueries, int longQueries, int waitingQueries) {
        this.out = out;
        this.shortQueries = shortQueries;
        this.longQueries = longQueries;
        this.waitingQueries = waitingQueries;
    }

    /** Runs it; true when everything selected was confirmed stopped (or had ended) and nothing young was touched. */
    boolean run() {
        long started = System.nanoTime();
        try (EmulatedCluster cluster = EmulatedCluster.builder().instances(3).cancellationDelay(CANCELLATION_DELAY)
                 .instanceSettings(builder -> builder.workerThreads(1).maxRecordedRequests(16)
                     .latency(Duration.ofMillis(1)))
                 .start()) {
            int[] seeded = seed(cluster);
            Emulator writer = cluster.writer();
            out.printf(Locale.ROOT, "emulated cluster: writer %s, readers %s; cancellations take effect after %d ms%n",
                writer.endpoint(), cluster.readers().stream().map(Emulator::endpoint).toList(),
                CANCELLATION_DELAY.toMillis());
            out.printf(Locale.ROOT, "per instance: %,d short queries (under a minute), %d long ones (6 to 30 min), "
                + "%d waiting for 6 to 12 min, %d waiting for seconds; writer: %d loads (%d over an hour old); "
                + "CloudTrail Lake: %d queries (%d queued or running for over 30 min)%n", shortQueries, longQueries,
                waitingQueries, waitingQueries, seeded[0], seeded[1], seeded[2], seeded[3]);

            Map<String, NeptuneDataClient> instances = new LinkedHashMap<>();
            List<AutoCloseable> clients = new ArrayList<>();
            try {
                for (Emulator instance : cluster.instances()) {
                    NeptuneDataClient client = NeptuneDataClient.builder().endpoint(instance.endpoint().toString())
                        .region(instance.region()).credentialsProvider(instance.credentialsProvider())
                        .maxResponseBytes(SweepCommands.LISTING_BYTES).build();
                    clients.add(client);
                    instances.put(instance.endpoint().toString(), client);
                }
                CloudTrailClient trail = CloudTrailClient.builder().endpointOverride(writer.endpoint().toString())
                    .region(writer.region()).credentialsProvider(writer.credentialsProvider()).build();
                clients.add(trail);
                return sweep(cluster, instances, trail, started);
            } finally {
                for (AutoCloseable client : clients) {
                    try {
                        client.close();
                    } catch (Exception e) {
                        // the demo is over
                    }
                }
            }
        }
    }

    private boolean sweep(EmulatedCluster cluster, Map<String, NeptuneDataClient> instances, CloudTrailClient trail,
                          long started) {
        NeptuneSweep queries = NeptuneSweep.over(instances);
        Selection oldQueries = Selection.defaults().withMinimumAge(QUERY_AGE).withIncludeWaiting(true);
        Mode confirm = Mode.cancelAndConfirm(Duration.ofSeconds(10), Duration.ofMillis(100));

        SweepTally dryRun = tally(cluster, queries.run(oldQueries, Mode.dryRun()));
        out.printf(Locale.ROOT, "%ndry run (older than %d min, waiting ones included): %s; no cancel sent%n",
            QUERY_AGE.toMinutes(), String.join(", ", dryRun.endpoints().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().selected()).toList()));

        long sweepStart = System.nanoTime();
        SweepTally swept = tally(cluster, Flux.concat(queries.run(oldQueries, confirm),
            LoadSweep.over(Map.of(cluster.writer().endpoint().toString(), instances.get(cluster.writer().endpoint()
                .toString()))).run(Selection.defaults().withMinimumAge(LOAD_AGE), confirm),
            CloudTrailSweep.over(trail, List.of()).run(Selection.defaults().withMinimumAge(CLOUDTRAIL_AGE), confirm)));
        double sweepSeconds = (System.nanoTime() - sweepStart) / 1e9;

        out.printf(Locale.ROOT, "%nsweep with confirm (queries over %d min, loads over %d h, CloudTrail over %d min) "
            + "in %.1f s:%n", QUERY_AGE.toMinutes(), LOAD_AGE.toHours(), CLOUDTRAIL_AGE.toMinutes(), sweepSeconds);
        out.printf(Locale.ROOT, "%-28s %8s %9s %9s %11s %13s %6s %12s %12s%n", "instance", "selected", "cancelled",
            "confirmed", "not running", "still running", "failed", "confirm p50", "confirm p99");
        boolean clean = true;
        Map<String, SweepTally.Endpoint> rows = swept.endpoints();
        List<String> order = new ArrayList<>();
        cluster.instances().forEach(instance -> order.add(role(cluster, instance.endpoint().toString()) + " queries"));
        order.add(role(cluster, cluster.writer().endpoint().toString()) + " loads");
        order.add("CloudTrail Lake");
        rows.keySet().stream().filter(key -> !order.contains(key)).forEach(order::add);
        for (String row : order) {
            SweepTally.Endpoint e = rows.get(row);
            if (e == null) {
                continue;
            }
            Map.Entry<String, SweepTally.Endpoint> entry = Map.entry(row, e);
            out.printf(Locale.ROOT, "%-28s %8d %9d %9d %11d %13d %6d %9d ms %9d ms%n", entry.getKey(),
                e.selected(), e.count(SweepOutcome.Outcome.CONFIRMED) + e.count(SweepOutcome.Outcome.CANCELLED)
                    + e.count(SweepOutcome.Outcome.STILL_RUNNING), e.count(SweepOutcome.Outcome.CONFIRMED),
                e.count(SweepOutcome.Outcome.NOT_RUNNING), e.count(SweepOutcome.Outcome.STILL_RUNNING),
                e.count(SweepOutcome.Outcome.FAILED), e.confirmPercentile(0.50), e.confirmPercentile(0.99));
        }
        clean &= swept.allDone();

        SweepTally after = tally(cluster, queries.run(oldQueries, Mode.dryRun()));
        long left = after.endpoints().values().stream().mapToLong(SweepTally.Endpoint::selected).sum();
        long young = tally(cluster, queries.run(Selection.defaults().withIncludeWaiting(true), Mode.dryRun())).endpoints()
            .values().stream().mapToLong(SweepTally.Endpoint::selected).sum();
        out.printf(Locale.ROOT, "%nafterwards: %d queries over %d min left; %,d younger queries listed, untouched; "
            + "sweep part %.1f s%n%n", left, QUERY_AGE.toMinutes(), young, (System.nanoTime() - started) / 1e9);
        return clean && left == 0;
    }

    private static SweepTally tally(EmulatedCluster cluster, Flux<SweepEvent> events) {
        SweepTally tally = new SweepTally(event -> row(cluster, event));
        events.doOnNext(tally::add).blockLast(Duration.ofMinutes(1));
        return tally;
    }

    /** The report's row of an event: the instance and the kind of work. */
    private static String row(EmulatedCluster cluster, SweepEvent event) {
        String language = event instanceof SweepOutcome outcome ? outcome.language()
            : ((io.querystop.sweep.ListingFailure) event).language();
        return switch (language) {
            case "load" -> role(cluster, event.endpoint()) + " loads";
            case "sql" -> "CloudTrail Lake";
            default -> role(cluster, event.endpoint()) + " queries";
        };
    }

    private static String role(EmulatedCluster cluster, String endpoint) {
        List<Emulator> instances = cluster.instances();
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).endpoint().toString().equals(endpoint)) {
                return (i == 0 ? "writer :" : "reader-" + i + " :") + instances.get(i).endpoint().getPort();
            }
        }
        return endpoint;
    }

    /** Seeds the mix; answers {loads, old loads, CloudTrail queries, old active CloudTrail queries}. */
    private int[] seed(EmulatedCluster cluster) {
        int n = 0;
        for (Emulator instance : cluster.instances()) {
            for (int i = 0; i < shortQueries; i++) {
                instance.addQuery(query(n++, i % 3 != 0).running(Duration.ofMillis(random.nextInt(500)),
                    Duration.ofMillis(random.nextInt(60_000))));
            }
            for (int i = 0; i < longQueries; i++) {
                instance.addQuery(query(n++, i % 2 == 0).running(Duration.ofMillis(random.nextInt(5_000)),
                    Duration.ofSeconds(360 + random.nextInt(1_440))));
            }
            for (int i = 0; i < waitingQueries; i++) {
                instance.addQuery(query(n++, true).waiting(Duration.ofSeconds(360 + random.nextInt(360))));
                instance.addQuery(query(n++, false).waiting(Duration.ofSeconds(1 + random.nextInt(30))));
            }
        }
        Instant now = Instant.now();
        Emulator writer = cluster.writer();
        int[] loadHours = {5, 3, 2, 0, 0};
        for (int i = 0; i < loadHours.length; i++) {
            writer.addLoad(LoadSeed.of(id("load", i)).startTime(now.minus(Duration.ofMinutes(loadHours[i] * 60L + 7))));
        }
        for (int i = 0; i < 5; i++) {
            writer.addLoad(LoadSeed.of(id("load-done", i)).status("LOAD_COMPLETED")
                .startTime(now.minus(Duration.ofHours(6))));
        }
        String audit = writer.addEventDataStore("audit");
        String[][] trail = {{"RUNNING", "95"}, {"RUNNING", "64"}, {"RUNNING", "41"}, {"QUEUED", "38"},
            {"RUNNING", "12"}, {"QUEUED", "2"}, {"FINISHED", "120"}, {"FAILED", "80"}};
        for (int i = 0; i < trail.length; i++) {
            writer.addCloudTrailQuery(CloudTrailQuerySeed.of(id("ct", i)).status(trail[i][0])
                .eventDataStore(i % 2 == 0 ? writer.eventDataStoreArn() : audit)
                .queryString("SELECT eventName, count(*) FROM eds WHERE eventTime > '2026-01-01' GROUP BY 1")
                .creationTime(now.minus(Duration.ofMinutes(Long.parseLong(trail[i][1]))))
                .statistics(1_000L * i, 900_000L * i, 3_221_225_472L * i));
        }
        return new int[] {loadHours.length + 5, 3, trail.length, 4};
    }

    private QuerySeed query(int n, boolean gremlin) {
        return gremlin ? QuerySeed.gremlin(id("q", n), "g.V().hasLabel('person').repeat(out('knows')).times(4)")
            : QuerySeed.openCypher(id("q", n), "MATCH (p:Person)-[:KNOWS*1..4]->(f) RETURN count(f)");
    }

    private static String id(String prefix, int n) {
        return UUID.nameUUIDFromBytes((prefix + n).getBytes()).toString();
    }
}
