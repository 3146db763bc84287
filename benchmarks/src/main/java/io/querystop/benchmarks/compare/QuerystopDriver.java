package io.querystop.benchmarks.compare;

import io.querystop.ConnectionPoolSettings;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** querystop as a user would run this job: one client, its bulk cancellation at a fixed concurrency. */
final class QuerystopDriver implements Driver {

    private final NeptuneDataClient neptune;
    private final BulkOptions options;

    QuerystopDriver(String endpoint, int concurrency) {
        this.neptune = NeptuneDataClient.builder().endpoint(endpoint).region("us-east-1")
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Compare.ACCESS_KEY, Compare.SECRET_KEY)))
            .connectionPool(ConnectionPoolSettings.defaults().withMaxConnections(concurrency))
            .build();
        this.options = BulkOptions.defaults().withMaxConcurrency(concurrency).withAdaptiveConcurrency(false);
    }

    @Override
    public long run(String[] ids, int from, int count, long[] latencies) {
        AtomicInteger recorded = new AtomicInteger();
        LongAdder cancelled = new LongAdder();
        neptune.cancelGremlinQueries(Flux.fromIterable(Arrays.asList(ids).subList(from, from + count)), options)
            .doOnNext(outcome -> {
                latencies[recorded.getAndIncrement()] = outcome.latency().toNanos();
                if (outcome.status() == CancelOutcome.Status.CANCELLED) {
                    cancelled.increment();
                }
            })
            .blockLast(Duration.ofMinutes(10));
        return cancelled.sum();
    }

    @Override
    public void close() {
        neptune.closeLater().block(Duration.ofSeconds(10));
    }
}
