package io.querystop.benchmarks.compare;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The transport ceiling: the same Reactor Netty HTTP/1.1 pool querystop uses, with nothing on top. No signing, no
 * JSON, no retries or timeouts; the body is read and dropped, and a 200 counts as cancelled.
 */
final class RawReactorNettyDriver implements Driver {

    private final int concurrency;
    private final ConnectionProvider pool;
    private final HttpClient http;

    RawReactorNettyDriver(String endpoint, int concurrency) {
        this.concurrency = concurrency;
        this.pool = ConnectionProvider.builder("raw").maxConnections(concurrency).pendingAcquireMaxCount(-1).build();
        this.http = HttpClient.create(pool).baseUrl(endpoint).keepAlive(true);
    }

    @Override
    public long run(String[] ids, int from, int count, long[] latencies) {
        AtomicInteger recorded = new AtomicInteger();
        LongAdder cancelled = new LongAdder();
        Flux.fromIterable(Arrays.asList(ids).subList(from, from + count))
            .flatMap(id -> {
                long start = System.nanoTime();
                return http.delete().uri("/gremlin/status/" + id)
                    .response((response, body) -> body.then(Mono.just(response.status().code())))
                    .doOnNext(status -> {
                        latencies[recorded.getAndIncrement()] = System.nanoTime() - start;
                        if (status == 200) {
                            cancelled.increment();
                        }
                    });
            }, concurrency)
            .blockLast(Duration.ofMinutes(10));
        return cancelled.sum();
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}
