package io.querystop.cli;

import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.BulkProgress;
import io.querystop.bulk.CancelOutcome;
import io.querystop.bulk.ProgressTracker;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.GetOpenCypherQueryStatusResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The main job on the embedded default: an emulator on a free loopback port with a local key pair that throttles
 * above a capacity, real running work registered in it, one status read, then everything bulk-cancelled through the
 * real clients with adaptive concurrency, and a report. Every figure printed is measured in this run.
 */
final class Demo {

    private final PrintStream out;
    private final PrintStream err;
    private final int gremlinQueries;
    private final int openCypherQueries;
    private final int loaderJobs;
    private final int cloudTrailQueries;
    private final int capacity;
    private final SweepDemo sweep;

    /**
     * The README's demo: the sweep on a 3-instance cluster (600 short, 40 long and 40 waiting queries per
     * instance), then bulk cancellation of 20,000 + 20,000 queries, 1,000 loader jobs, 20 CloudTrail queries at
     * capacity 24.
     */
    Demo(PrintStream out, PrintStream err) {
        this(out, err, 20_000, 20_000, 1_000, 20, 24, new SweepDemo(out, 600, 40, 20));
    }

    /** The bulk part only, with these sizes (for tests). */
    Demo(PrintStream out, PrintStream err, int gremlinQueries, int openCypherQueries, int loaderJobs,
         int cloudTrailQueries, int capacity) {
        this(out, err, gremlinQueries, openCypherQueries, loaderJobs, cloudTrailQueries, capacity, null);
    }

    Demo(PrintStream out, PrintStream err, int gremlinQueries, int openCypherQueries, int loaderJobs,
         int cloudTrailQueries, int capacity, SweepDemo sweep) {
        this.sweep = sweep;
        this.out = out;
        this.err = err;
        this.gremlinQueries = gremlinQueries;
        this.openCypherQueries = openCypherQueries;
        this.loaderJobs = loaderJobs;
        this.cloudTrailQueries = cloudTrailQueries;
        this.capacity = capacity;
    }

    int run() {
        long started = System.nanoTime();
        boolean swept = sweep == null || sweep.run();
        try (Emulator emulator = Emulator.builder().workerThreads(1).maxRecordedRequests(16)
                 .latency(Duration.ofMillis(2)).throttleAbove(capacity).start()) {
            List<String> gremlin = ids("g", gremlinQueries);
            List<String> openCypher = ids("oc", openCypherQueries);
            List<String> loads = ids("load", loaderJobs);
            List<String> cloudTrail = ids("ct", cloudTrailQueries);
            gremlin.forEach(emulator::addGremlinQuery);
            openCypher.forEach(id -> emulator.addOpenCypherQuery(id, "MATCH (n:Person)-[:KNOWS*1..6]->(m) RETURN m"));
            loads.forEach(emulator::addLoaderJob);
            for (int i = 0; i < cloudTrail.size(); i++) {
                emulator.addCloudTrailQuery(cloudTrail.get(i), i % 5 == 0 ? "FINISHED" : "RUNNING");
            }
            out.printf(Locale.ROOT, "emulator on %s (region %s), throttling above %d concurrent requests%n",
                emulator.endpoint(), emulator.region(), capacity);
            out.printf(Locale.ROOT, "registered %,d Gremlin queries, %,d openCypher queries, %,d loader jobs, "
                + "%d CloudTrail Lake queries (every fifth already finished)%n", gremlin.size(), openCypher.size(),
                loads.size(), cloudTrail.size());

            try (NeptuneDataClient neptune = NeptuneDataClient.builder()
                     .endpoint(emulator.endpoint().toString()).region(emulator.region())
                     .credentialsProvider(emulator.credentialsProvider()).build();
                 CloudTrailClient trail = CloudTrailClient.builder()
                     .endpointOverride(emulator.endpoint().toString()).region(emulator.region())
                     .credentialsProvider(emulator.credentialsProvider()).build()) {

                GetOpenCypherQueryStatusResponse status = neptune.getOpenCypherQueryStatus(openCypher.get(0))
                    .block(Duration.ofSeconds(30));
                out.printf(Locale.ROOT, "status of openCypher query %s: \"%s\", elapsed %d ms, cancelled %s%n%n",
                    status.queryId(), status.queryString(), status.queryEvalStats().elapsed(),
                    status.queryEvalStats().cancelled());

                out.printf(Locale.ROOT, "%-20s %7s %10s %12s %7s %8s %8s %8s %8s %9s%n", "kind", "ids",
                    "cancelled", "not running", "failed", "wall ms", "req/s", "p50 ms", "p99 ms", "settled");
                report("Gremlin queries", gremlin, (ids, options) -> neptune.cancelGremlinQueries(ids, options));
                report("openCypher queries", openCypher,
                    (ids, options) -> neptune.cancelOpenCypherQueries(ids, true, options));
                report("loader jobs", loads, (ids, options) -> neptune.cancelLoaderJobs(ids, options));
                report("CloudTrail queries", cloudTrail,
                    (ids, options) -> trail.cancelQueries(ids, options));

                long stillRunning = gremlin.stream().filter(id ->
                    emulator.state(Route.CANCEL_GREMLIN_QUERY, id).orElse("").equals("RUNNING")).count()
                    + openCypher.stream().filter(id ->
                    emulator.state(Route.CANCEL_OPEN_CYPHER_QUERY, id).orElse("").equals("RUNNING")).count();
                out.printf(Locale.ROOT, "%nthrottled attempts %,d (retried); requests served %,d; queries still "
                    + "running afterwards: %d; total %.1f s%n", emulator.throttledCount(), emulator.requestCount(),
                    stillRunning, (System.nanoTime() - started) / 1e9);
                return stillRunning == 0 && swept ? 0 : 1;
            }
        }
    }

    private <R> void report(String kind, List<String> ids,
                            BiFunction<Flux<String>, BulkOptions, Flux<CancelOutcome<R>>> cancel) {
        ProgressTracker progress = new ProgressTracker();
        long[] latencies = new long[ids.size()];
        List<Integer> limits = new ArrayList<>();
        Disposable bar = Terminal.isStderrTerminal() ? Flux.interval(Duration.ofMillis(200), Schedulers.boundedElastic())
            .subscribe(tick -> {
                BulkProgress p = progress.snapshot();
                err.printf(Locale.ROOT, "\r%-20s %,7d / %,d, %,d in flight, limit %d\033[K", kind, p.completed(),
                    ids.size(), p.inFlight(), p.concurrencyLimit());
            }) : null;
        long start = System.nanoTime();
        // publishOn: the blocking bridge takes a lock in onNext, which must not happen on an event loop
        for (CancelOutcome<R> outcome : cancel.apply(Flux.fromIterable(ids), BulkOptions.defaults()
            .withMaxConcurrency(64).withProgress(progress)).publishOn(Schedulers.boundedElastic(), 256)
            .toIterable(256)) {
            latencies[(int) outcome.index()] = outcome.latency().toNanos();
            if (outcome.index() % 50 == 0) {
                limits.add(progress.snapshot().concurrencyLimit());
            }
        }
        long wallNanos = System.nanoTime() - start;
        if (bar != null) {
            bar.dispose();
            err.print("\r\033[K");
        }
        BulkProgress done = progress.snapshot();
        Arrays.sort(latencies);
        double settled = limits.subList(limits.size() / 2, limits.size()).stream().mapToInt(Integer::intValue)
            .average().orElse(done.concurrencyLimit());
        out.printf(Locale.ROOT, "%-20s %7d %10d %12d %7d %8d %8.0f %8.2f %8.2f %9.1f%n", kind, ids.size(),
            done.cancelled(), done.notRunning(), done.failed(), wallNanos / 1_000_000, ids.size() * 1e9 / wallNanos,
            percentile(latencies, 0.50), percentile(latencies, 0.99), settled);
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.nameUUIDFromBytes((prefix + i).getBytes()).toString());
        }
        return ids;
    }
}
