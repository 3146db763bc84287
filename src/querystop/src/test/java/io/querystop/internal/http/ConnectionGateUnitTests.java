package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class ConnectionGateUnitTests {

    @Test
    void waitersAreServedInOrderAndACancelledOneLeavesAtOnce() {
        ConnectionGate gate = new ConnectionGate(1, 10, Duration.ofSeconds(10));
        ConnectionGate.Permit first = gate.enter().block();
        List<String> served = new ArrayList<>();
        List<ConnectionGate.Permit> permits = new ArrayList<>();
        gate.enter().subscribe(p -> { served.add("a"); permits.add(p); });
        Disposable b = gate.enter().subscribe(p -> served.add("b"));
        gate.enter().subscribe(p -> { served.add("c"); permits.add(p); });
        assertThat(gate.waiting()).isEqualTo(3);

        b.dispose();
        assertThat(gate.waiting()).isEqualTo(2);

        first.release();
        assertThat(served).containsExactly("a");
        first.release(); // idempotent: no second permit appears
        assertThat(served).containsExactly("a");
        permits.get(0).release();
        assertThat(served).containsExactly("a", "c");
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aFullQueueAndAnExpiredWaitFail() {
        ConnectionGate gate = new ConnectionGate(1, 1, Duration.ofMillis(100));
        gate.enter().block();
        Mono<ConnectionGate.Permit> waiter = gate.enter();
        StepVerifier.create(waiter)
            .then(() -> StepVerifier.create(gate.enter()).expectError(ConnectionGate.GateFullException.class).verify())
            .expectError(ConnectionGate.GateTimeoutException.class)
            .verify(Duration.ofSeconds(5));
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void concurrentCallersNeverExceedThePermitsAndAllGetThrough() {
        ConnectionGate gate = new ConnectionGate(4, 10_000, Duration.ofSeconds(30));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        Flux.range(0, 2_000)
            .flatMap(i -> gate.enter().flatMap(permit -> Mono.fromCallable(() -> {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                    return i;
                }).subscribeOn(Schedulers.parallel())
                .doFinally(signal -> permit.release())), 256)
            .as(StepVerifier::create)
            .expectNextCount(2_000)
            .verifyComplete();
        assertThat(maxInside.get()).isBetween(1, 4);
        assertThat(gate.waiting()).isZero();
    }
}
