package io.querystop.benchmarks;

import io.querystop.ConnectionPoolSettings;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.bulk.ProgressTracker;
import io.querystop.neptunedata.NeptuneDataClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Bulk cancellation of N generated Gremlin query ids against the in-process {@link LoopbackServer} (answers
 * {@code {"status":"200 OK"}}, checks nothing, so the client's cost dominates). Reports wall time, throughput, heap used
 * (sampled every 250 ms, and after a GC at start and end) and the outcome counts. Bounded by N and by 15 minutes.
 *
 * <p>Usage: {@code BulkScale [ids] [concurrency]}; run it in a JVM with a small fixed heap (the Maven exec
 * configuration uses 256 MiB), so that any outcome the engine retained would end the run with an OutOfMemoryError.
 */
public final class BulkScale {

    public static void main(String[] args) {
        int ids = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        LoopbackServer server = LoopbackServer.start();
        String endpoint = server.endpoint();
        NeptuneDataClient neptune = NeptuneDataClient.builder().endpoint(endpoint).region("us-east-1")
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
            .connectionPool(ConnectionPoolSettings.defaults().withMaxConnections(concurrency))
            .build();
        try {
            System.gc();
            long heapAtStart = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peakHeap = new AtomicLong(heapAtStart);
            ProgressTracker progress = new ProgressTracker();
            Map<CancelOutcome.Status, LongAdder> counts = new EnumMap<>(CancelOutcome.Status.class);
            for (CancelOutcome.Status status : CancelOutcome.Status.values()) {
                counts.put(status, new LongAdder());
            }
            var sampler = Flux.interval(Duration.ofMillis(250))
                .subscribe(tick -> {
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    if (tick % 20 == 0) {
                        var p = progress.snapshot();
                        System.out.printf("  %,10d done, %,8.0f/s, limit %d, heap %,d MiB%n", p.completed(),
                            p.throughputPerSecond(), p.concurrencyLimit(),
                            memory.getHeapMemoryUsage().getUsed() >> 20);
                    }
                });
            long start = System.nanoTime();
            Flux<String> generated = Flux.range(0, ids).map(i -> "00000000-0000-4000-8000-" + String.format("%012d", i));
            neptune.cancelGremlinQueries(generated, BulkOptions.defaults().withMaxConcurrency(concurrency)
                    .withAdaptiveConcurrency(false).withProgress(progress))
                .doOnNext(outcome -> counts.get(outcome.status()).increment())
                .blockLast(Duration.ofMinutes(15));
            long nanos = System.nanoTime() - start;
            sampler.dispose();
            System.gc();
            long heapAtEnd = memory.getHeapMemoryUsage().getUsed();

            System.out.printf("%nBulkScale %s, %d cores, %s %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
            System.out.printf("ids %,d, concurrency %d (fixed), max heap %,d MiB%n", ids, concurrency,
                Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("outcomes: %s%n", counts);
            System.out.printf("wall %.1f s, %,.0f cancels/s%n", nanos / 1e9, ids * 1e9 / nanos);
            System.out.printf("heap used: after GC at start %,d MiB, peak sampled %,d MiB, after GC at end %,d MiB%n",
                heapAtStart >> 20, peakHeap.get() >> 20, heapAtEnd >> 20);
        } finally {
            neptune.closeLater().block(Duration.ofSeconds(10));
            server.close();
        }
    }
}
