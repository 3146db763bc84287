package io.querystop.cli;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The main job on the embedded default: an emulator on a free loopback port with a local key pair, real running
 * work registered in it, one status read, then everything cancelled through the real clients, with a report of what
 * happened. Every figure printed is measured in this run.
 */
final class Demo {

    static final int CONCURRENCY = 64;

    private final PrintStream out;
    private final int gremlinQueries;
    private final int openCypherQueries;
    private final int loaderJobs;
    private final int cloudTrailQueries;

    /** The README's demo: 10,000 + 10,000 queries, 1,000 loader jobs, 20 CloudTrail queries. */
    Demo(PrintStream out) {
        this(out, 10_000, 10_000, 1_000, 20);
    }

    Demo(PrintStream out, int gremlinQueries, int openCypherQueries, int loaderJobs, int cloudTrailQueries) {
        this.out = out;
        this.gremlinQueries = gremlinQueries;
        this.openCypherQueries = openCypherQueries;
        this.loaderJobs = loaderJobs;
        this.cloudTrailQueries = cloudTrailQueries;
    }

    int run() {
        try (Emulator emulator = Emulator.builder().workerThreads(1).maxRecordedRequests(16).start()) {
            List<String> gremlin = ids("g", gremlinQueries);
            List<String> openCypher = ids("oc", openCypherQueries);
            List<String> loads = ids("load", loaderJobs);
            List<String> cloudTrail = new ArrayList<>();
            gremlin.forEach(emulator::addGremlinQuery);
            openCypher.forEach(id -> emulator.addOpenCypherQuery(id, "MATCH (n:Person)-[:KNOWS*1..6]->(m) RETURN m"));
            loads.forEach(emulator::addLoaderJob);
            for (int i = 0; i < cloudTrailQueries; i++) {
                String id = UUID.nameUUIDFromBytes(("ct-" + i).getBytes()).toString();
                cloudTrail.add(id);
                emulator.addCloudTrailQuery(id, i % 5 == 0 ? "FINISHED" : "RUNNING");
            }
            out.printf("emulator on %s (region %s); registered %,d Gremlin queries, %,d openCypher queries, "
                + "%,d loader jobs, %d CloudTrail Lake queries%n", emulator.endpoint(), emulator.region(),
                gremlin.size(), openCypher.size(), loads.size(), cloudTrail.size());

            try (NeptuneDataClient neptune = NeptuneDataClient.builder()
                     .endpoint(emulator.endpoint().toString()).region(emulator.region())
                     .credentialsProvider(emulator.credentialsProvider()).build();
                 CloudTrailClient trail = CloudTrailClient.builder()
                     .endpointOverride(emulator.endpoint().toString()).region(emulator.region())
                     .credentialsProvider(emulator.credentialsProvider()).build()) {

                GetOpenCypherQueryStatusResponse status = neptune.getOpenCypherQueryStatus(openCypher.get(0))
                    .block(Duration.ofSeconds(30));
                out.printf("status of openCypher query %s: %s, elapsed %d ms%n%n", status.queryId(),
                    status.queryString(), status.queryEvalStats().elapsed());

                out.printf("%-22s %8s %10s %12s %8s %10s %10s %9s %9s%n", "kind", "ids", "cancelled", "not running",
                    "failed", "wall ms", "req/s", "p50 ms", "p99 ms");
                report("Gremlin queries", gremlin, neptune::cancelGremlinQuery);
                report("openCypher queries", openCypher, neptune::cancelOpenCypherQuery);
                report("loader jobs", loads, neptune::cancelLoaderJob);
                report("CloudTrail queries", cloudTrail, trail::cancelQuery);

                long stillRunning = gremlin.stream()
                    .filter(id -> emulator.state(Route.CANCEL_GREMLIN_QUERY, id).orElse("").equals("RUNNING"))
                    .count();
                out.printf("%nGremlin queries still running in the emulator afterwards: %d; requests served: %,d%n",
                    stillRunning, emulator.requestCount());
                return stillRunning == 0 ? 0 : 1;
            }
        }
    }

    private void report(String kind, List<String> ids, Function<String, Mono<?>> cancel) {
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long[] latencies = new long[ids.size()];
        long start = System.nanoTime();
        Flux.range(0, ids.size())
            .flatMap(i -> {
                long begin = System.nanoTime();
                return cancel.apply(ids.get(i))
                    .map(response -> "cancelled")
                    .onErrorResume(io.querystop.AwsServiceException.class, e -> Mono.just(notRunning(e)
                        ? "not running" : "failed"))
                    .onErrorResume(e -> Mono.just("failed"))
                    .doOnNext(outcome -> latencies[i] = System.nanoTime() - begin);
            }, CONCURRENCY)
            .doOnNext(outcome -> outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment())
            .blockLast(Duration.ofMinutes(5));
        long wallNanos = System.nanoTime() - start;
        Arrays.sort(latencies);
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        out.printf(Locale.ROOT, "%-22s %8d %10d %12d %8d %10d %10.0f %9.2f %9.2f%n", kind, ids.size(),
            counts.getOrDefault("cancelled", 0L), counts.getOrDefault("not running", 0L),
            counts.getOrDefault("failed", 0L), wallNanos / 1_000_000, ids.size() * 1e9 / wallNanos,
            percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    /** The services' answers for an id that already finished or never existed (PROTOCOL.md). */
    private static boolean notRunning(io.querystop.AwsServiceException e) {
        String code = e.errorCode();
        return "InvalidParameterException".equals(code) && e.statusCode() == 400
            || "BulkLoadIdNotFoundException".equals(code)
            || "InactiveQueryException".equals(code) || "QueryIdNotFoundException".equals(code);
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
