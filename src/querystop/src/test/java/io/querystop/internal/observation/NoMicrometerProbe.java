package io.querystop.internal.observation;

import io.querystop.ClientResources;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.netty.resources.LoopResources;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Run by {@link WithoutMicrometerTests} inside a class loader without Micrometer: what an application without it does.
 * Given endpoint, region, key id and secret; answers what it saw, as one line.
 */
public final class NoMicrometerProbe implements Function<List<String>, String> {

    @Override
    public String apply(List<String> args) {
        LoopResources loops = LoopResources.create("no-micrometer", 1, true);
        try (ClientResources resources = ClientResources.create();
             NeptuneDataClient neptune = NeptuneDataClient.builder().endpoint(args.get(0)).region(args.get(1))
                 .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args.get(2),
                     args.get(3))))
                 .loopResources(loops).resources(resources).build()) {
            String cancelled = neptune.cancelGremlinQuery("running").block(Duration.ofSeconds(10)).status();
            String unknown = neptune.cancelGremlinQuery("unknown")
                .map(response -> "answered")
                .onErrorResume(error -> reactor.core.publisher.Mono.just(error.getClass().getSimpleName()))
                .block(Duration.ofSeconds(10));
            List<CancelOutcome.Status> bulk = neptune.cancelGremlinQueries(Flux.just("bulk-1", "bulk-2"),
                    BulkOptions.defaults().withOrdered(true))
                .map(CancelOutcome::status).collectList().block(Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (neptune.connectionPoolStats().active() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            return "cancelled=" + cancelled + "; unknown=" + unknown + "; bulk=" + bulk + "; active="
                + neptune.connectionPoolStats().active();
        } finally {
            loops.disposeLater().block(Duration.ofSeconds(10));
        }
    }
}
