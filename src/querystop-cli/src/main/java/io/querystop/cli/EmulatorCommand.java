package io.querystop.cli;

import io.querystop.emulator.Emulator;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code querystop emulator}: the emulator in the foreground on loopback until Ctrl-C. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = "Run the Neptune and CloudTrail Lake emulator on loopback until Ctrl-C.")
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--port", defaultValue = "8182", description = "Port on 127.0.0.1 (default 8182; 0 picks one).")
    int port;
    @Option(names = "--access-key", defaultValue = Emulator.DEFAULT_ACCESS_KEY_ID, description = "Access key id.")
    String accessKey;
    @Option(names = "--secret-key", defaultValue = Emulator.DEFAULT_SECRET_ACCESS_KEY, description = "Secret key.")
    String secretKey;
    @Option(names = "--gremlin-queries", defaultValue = "0", description = "Preload N running Gremlin queries.")
    int gremlinQueries;
    @Option(names = "--open-cypher-queries", defaultValue = "0", description = "Preload N running openCypher queries.")
    int openCypherQueries;
    @Option(names = "--loader-jobs", defaultValue = "0", description = "Preload N active loader jobs.")
    int loaderJobs;
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
        String region = root.global.region != null ? root.global.region : Emulator.DEFAULT_REGION; // global --region
        Emulator emulator = Emulator.builder().port(port).credentials(accessKey, secretKey).region(region)
            .latency(Duration.ofMillis(latencyMs)).throttleAbove(throttleAbove).maxRecordedRequests(1000).start();
        Thread hook = new Thread(stop::countDown, "querystop-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (int i = 1; i <= gremlinQueries; i++) {
                emulator.addGremlinQuery(String.format("gremlin-%06d", i));
            }
            for (int i = 1; i <= openCypherQueries; i++) {
                emulator.addOpenCypherQuery(String.format("opencypher-%06d", i), "MATCH (n) RETURN n");
            }
            for (int i = 1; i <= loaderJobs; i++) {
                emulator.addLoaderJob(String.format("load-%06d", i));
            }
            root.out.println("querystop emulator listening on " + emulator.endpoint());
            root.out.println("  region " + region + ", access key " + accessKey
                + " (the secret key is the one given, or the emulator's documented default)");
            root.out.printf("  running: %d Gremlin (gremlin-000001...), %d openCypher (opencypher-000001...), "
                + "%d loader jobs (load-000001...)%n", gremlinQueries, openCypherQueries, loaderJobs);
            root.out.println("  press Ctrl-C to stop");
            root.out.flush();
            stop.await();
            return 0;
        } finally {
            emulator.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already in the JVM's shutdown: the hook has run
            }
        }
    }
}
