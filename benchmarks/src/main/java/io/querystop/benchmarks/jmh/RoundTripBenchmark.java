package io.querystop.benchmarks.jmh;

import io.querystop.benchmarks.LoopbackServer;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;

/**
 * Whole calls over loopback: {@code cancelGremlinQuery} against the minimal in-process {@link LoopbackServer}, with
 * 1, 8 or 64 calls in flight. Each invocation makes {@value #CALLS} calls, so a score is the time per call at that
 * concurrency (at 1, the round-trip latency). The server shares the JVM and its allocation is in the gc figures
 * (its request decoding, a few hundred bytes a call); its answer bytes are pre-encoded.
 */
public class RoundTripBenchmark extends BenchmarkSettings {

    static final int CALLS = 1_000;

    @Param({"1", "8", "64"})
    public int concurrency;

    private LoopbackServer server;
    private NeptuneDataClient neptune;
    private String[] ids;

    @Setup
    public void setUp() {
        server = LoopbackServer.start();
        neptune = neptune(server.endpoint(), concurrency);
        ids = new String[CALLS];
        for (int i = 0; i < CALLS; i++) {
            ids[i] = nextId();
        }
    }

    @TearDown
    public void tearDown() {
        neptune.closeLater().block(Duration.ofSeconds(10));
        server.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long cancelGremlinQuery() {
        return Flux.fromArray(ids)
            .flatMap(id -> neptune.cancelGremlinQuery(id), concurrency)
            .map(CancelGremlinQueryResponse::status)
            .count()
            .block(Duration.ofMinutes(1));
    }
}
