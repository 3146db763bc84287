package io.querystop.benchmarks.outside;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor under any client on querystop's transport, as a whole program: Reactor Netty's HTTP/1.1 client on a pool
 * of {@code concurrency} connections, {@code DELETE /gremlin/status/{id}} unsigned, the body read and dropped, a 200
 * counted as cancelled. No signing, JSON, retries or timeouts. The regression guard's baseline.
 */
public final class RawMain {

    private RawMain() {
    }

    public static void main(String[] args) throws Exception {
        ClientArgs run = ClientArgs.parse(args);
        ConnectionProvider pool = ConnectionProvider.builder("raw").maxConnections(run.concurrency())
            .pendingAcquireMaxCount(-1).build();
        HttpClient http = HttpClient.create(pool).baseUrl(run.endpoint()).keepAlive(true);
        LongAdder cancelled = new LongAdder();
        Flux.fromIterable(run.ids())
            .flatMap(id -> http.delete().uri("/gremlin/status/" + id)
                .response((response, body) -> body.then(Mono.just(response.status().code()))), run.concurrency())
            .doOnNext(status -> {
                if (status == 200) {
                    cancelled.increment();
                }
            })
            .blockLast(Duration.ofMinutes(10));
        pool.disposeLater().block(Duration.ofSeconds(10));
        System.exit(ClientArgs.report(cancelled.sum(), run.ids().size()));
    }
}
