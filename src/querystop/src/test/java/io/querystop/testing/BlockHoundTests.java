package io.querystop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;
import reactor.test.StepVerifier;

/** BlockHound is installed for the whole suite and really fails a blocking call on a non-blocking thread. */
class BlockHoundTests {

    @Test
    void blockingOnAParallelThreadIsCaught() {
        Mono.fromCallable(() -> {
                Thread.sleep(1);
                return "slept";
            })
            .subscribeOn(Schedulers.parallel())
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("java.lang.Thread.sleep"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void blockingOnANettyEventLoopIsCaught() {
        Mono.fromCallable(() -> {
                Thread.sleep(1);
                return "slept";
            })
            .subscribeOn(Schedulers.fromExecutor(HttpResources.get().onClient(true).next()))
            .as(StepVerifier::create)
            .expectError(BlockingOperationError.class)
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void blockingOnABoundedElasticThreadIsAllowed() {
        Mono.fromCallable(() -> {
                Thread.sleep(1);
                return "slept";
            })
            .subscribeOn(Schedulers.boundedElastic())
            .as(StepVerifier::create)
            .expectNext("slept")
            .verifyComplete();
    }
}
