package io.querystop.cli;

import io.querystop.emulator.CloudTrailQuerySeed;
import io.querystop.emulator.EmulatedCluster;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.LoadSeed;
import io.querystop.emulator.QuerySeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code querystop emulator}: the emulator in the foreground on loopback until Ctrl-C, one instance or a cluster of
 * several (the first the writer), with preloaded work.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = "Run the Neptune and CloudTrail Lake emulator on loopback until Ctrl-C.")
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--port", defaultValue = "8182",
        description = "Port on 127.0.0.1 (default 8182; 0 picks one); with --instances, the writer's, the readers "
            + "take the next ones.")
    int port;
    @Option(names = "--instances", defaultValue = "1",
        description = "Instances of an emulated cluster: the first the writer, the others readers (default 1).")
    int instances;
    @Option(names = "--access-key", defaultValue = Emulator.DEFAULT_ACCESS_KEY_ID, description = "Access key id.")
    String accessKey;
    @Option(names = "--secret-key", defaultValue = Emulator.DEFAULT_SECRET_ACCESS_KEY, description = "Secret key.")
    String secretKey;
    @Option(names = "--gremlin-queries", defaultValue = "0",
        description = "Preload N running Gremlin queries, spread over the instances in turn.")
    int gremlinQueries;
    @Option(names = "--open-cypher-queries", defaultValue = "0",
        description = "Preload N running openCypher queries, spread over the instances in turn.")
    int openCypherQueries;
    @Option(names = "--loader-jobs", defaultValue = "0", description = "Preload N active loader jobs (on the writer).")
    int loaderJobs;
    @Option(names = "--cloudtrail-queries", defaultValue = "0",
        description = "Preload N running CloudTrail Lake queries on the default event data store.")
    int cloudTrailQueries;
    @Option(names = "--max-age-seconds", defaultValue = "0",
        description = "Ages of the preloaded work, spread evenly up to this many seconds (default 0: all new).")
    long maxAgeSeconds;
    @Option(names = "--cancellation-delay-ms", defaultValue = "0",
        description = "A cancelled query stays listed (cancelled: true) this long before it is gone.")
    long cancellationDelayMs;
    @Option(names = "--latency-ms", defaultValue = "0", description = "Each answer takes this long.")
    int latencyMs;
    @Option(names = "--throttle-above", defaultValue = "0",
        description = "Answer ThrottlingException above this many concurrent requests (0: never).")
    int throttleAbove;

    /** Counted down to stop the emulator; a test's way of pressing Ctrl-C. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        QuerystopCommand root = (QuerystopCommand) spec.root().userObject();
        if (instances < 1) {
            throw new ParameterException(spec.commandLine(), "--instances must be at least 1, was " + instances);
        }
        String region = root.global.region != null ? root.global.region : Emulator.DEFAULT_REGION; // global --region
        EmulatedCluster cluster = EmulatedCluster.builder().instances(instances)
            .cancellationDelay(Duration.ofMillis(cancellationDelayMs))
            .instanceSettings(builder -> builder.port(port).credentials(accessKey, secretKey).region(region)
                .latency(Duration.ofMillis(latencyMs)).throttleAbove(throttleAbove).maxRecordedRequests(1000))
            .start();
        Thread hook = new Thread(stop::countDown, "querystop-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            preload(cluster);
            print(root, cluster, region);
            stop.await();
            return 0;
        } finally {
            cluster.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already in the JVM's shutdown: the hook has run
            }
        }
    }

    /** Queries go to the instances in turn (the n-th to instance (n - 1) mod N), so each exists on one only. */
    private void preload(EmulatedCluster cluster) {
        List<Emulator> all = cluster.instances();
        for (int i = 1; i <= gremlinQueries; i++) {
            all.get((i - 1) % all.size()).addQuery(QuerySeed.gremlin(String.format("gremlin-%06d", i),
                "g.V().count()").running(Duration.ZERO, age(i, gremlinQueries)));
        }
        for (int i = 1; i <= openCypherQueries; i++) {
            all.get((i - 1) % all.size()).addQuery(QuerySeed.openCypher(String.format("opencypher-%06d", i),
                "MATCH (n) RETURN n").running(Duration.ZERO, age(i, openCypherQueries)));
        }
        Instant now = Instant.now();
        for (int i = 1; i <= loaderJobs; i++) {
            cluster.writer().addLoad(LoadSeed.of(String.format("load-%06d", i))
                .startTime(now.minus(age(i, loaderJobs))));
        }
        for (int i = 1; i <= cloudTrailQueries; i++) {
            cluster.writer().addCloudTrailQuery(CloudTrailQuerySeed.of(new UUID(0x51ce, i).toString())
                .creationTime(now.minus(age(i, cloudTrailQueries))));
        }
    }

    /** The i-th of n items' age: evenly spread up to the maximum. */
    private Duration age(int i, int n) {
        return Duration.ofMillis(maxAgeSeconds * 1000 * i / n);
    }

    private void print(QuerystopCommand root, EmulatedCluster cluster, String region) {
        if (instances == 1) {
            root.out.println("querystop emulator listening on " + cluster.writer().endpoint());
        } else {
            root.out.println("querystop emulated cluster of " + instances + " instances:");
            for (Emulator instance : cluster.instances()) {
                root.out.println("  " + instance.role() + " listening on " + instance.endpoint());
            }
        }
        root.out.println("  region " + region + ", access key " + accessKey
            + " (the secret key is the one given, or the emulator's documented default)");
        root.out.printf("  running: %d Gremlin (gremlin-000001...), %d openCypher (opencypher-000001...), "
            + "%d loader jobs (load-000001...)%s%n", gremlinQueries, openCypherQueries, loaderJobs,
            instances == 1 ? "" : "; queries spread over the instances in turn, loads on the writer");
        if (cloudTrailQueries > 0) {
            root.out.printf("  CloudTrail Lake: %d running queries on event data store %s%n", cloudTrailQueries,
                cluster.writer().eventDataStoreArn());
        }
        root.out.println("  press Ctrl-C to stop");
        root.out.flush();
    }
}
