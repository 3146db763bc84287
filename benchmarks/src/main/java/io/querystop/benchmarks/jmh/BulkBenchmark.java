package io.querystop.benchmarks.jmh;

import io.querystop.benchmarks.LoopbackServer;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;

/**
 * Bulk cancellation of {@value #IDS} Gremlin query ids per invocation through {@code cancelGremlinQueries} (the bulk
 * engine, its outcomes and progress) against the minimal in-process {@link LoopbackServer}, at a fixed concurrency of
 * 8 or 64. A score is the time per id.
 */
public class BulkBenchmark extends BenchmarkSettings {

    static final int IDS = 10_000;

    @Param({"8", "64"})
    public int concurrency;

    private LoopbackServer server;
    private NeptuneDataClient neptune;
    private BulkOptions options;
    private String[] ids;

    @Setup
    public void setUp() {
        server = LoopbackServer.start();
        neptune = neptune(server.endpoint(), concurrency);
        options = BulkOptions.defaults().withMaxConcurrency(concurrency).withAdaptiveConcurrency(false);
        ids = new String[IDS];
        for (int i = 0; i < IDS; i++) {
            ids[i] = String.format("4d3c2b1a-0f9e-4d8c-b7a6-%012d", i); // distinct: a repeat would be a DUPLICATE
        }
    }

    @TearDown
    public void tearDown() {
        neptune.closeLater().block(Duration.ofSeconds(10));
        server.close();
    }

    @Benchmark
    @OperationsPerInvocation(IDS)
    public long cancelGremlinQueries() {
        long cancelled = neptune.cancelGremlinQueries(Flux.fromArray(ids), options)
            .filter(outcome -> outcome.status() == CancelOutcome.Status.CANCELLED)
            .count()
            .block(Duration.ofMinutes(5));
        if (cancelled != IDS) {
            throw new IllegalStateException(cancelled + " of " + IDS + " cancelled");
        }
        return cancelled;
    }
}
