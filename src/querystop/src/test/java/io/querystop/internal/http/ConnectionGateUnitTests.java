package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.test.util.RaceTestUtils;

class ConnectionGateUnitTests {

    private static final HashedWheelTimer TIMER = new HashedWheelTimer(10, TimeUnit.MILLISECONDS);

    private final CallDeadlines deadlines = new CallDeadlines(TIMER);

    @AfterAll
    static void stopTimer() {
        TIMER.stop();
    }

    @Test
    void waitersAreServedInOrderAndACancelledOneLeavesAtOnce() {
        ConnectionGate gate = new ConnectionGate(1, 10, Duration.ofSeconds(10), deadlines);
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

    /**
     * The waiter that fills the queue waits a minute: with a short wait, a pause of the machine between its entry and
     * the next one's would let it expire, and the next one would queue instead of finding the queue full.
     */
    @Test
    void aFullQueueFailsAtOnce() {
        ConnectionGate gate = new ConnectionGate(1, 1, Duration.ofMinutes(1), deadlines);
        gate.enter().block();
        StepVerifier.create(gate.enter())
            .then(() -> StepVerifier.create(gate.enter())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ConnectionGate.GateFullException.class)
                    .extracting(e -> ((ConnectionGate.GateFullException) e).limit()).isEqualTo(1))
                .verify(Duration.ofSeconds(10)))
            .thenCancel()
            .verify(Duration.ofSeconds(10));
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void anExpiredWaitFails() {
        ConnectionGate gate = new ConnectionGate(1, 1, Duration.ofMillis(100), deadlines);
        gate.enter().block();
        StepVerifier.create(gate.enter())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ConnectionGate.GateTimeoutException.class)
                .extracting(e -> ((ConnectionGate.GateTimeoutException) e).timeout()).isEqualTo(Duration.ofMillis(100)))
            .verify(Duration.ofSeconds(10));
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void anAdmittedExchangeGivesItsPermitBackWhenItSucceedsFailsOrIsCancelled() {
        ConnectionGate gate = new ConnectionGate(1, 10, Duration.ofSeconds(10), deadlines);
        TestPublisher<String> exchange = TestPublisher.create();

        StepVerifier.create(gate.admit(() -> Mono.just("done"))).expectNext("done").verifyComplete();
        StepVerifier.create(gate.admit(() -> Mono.error(new IllegalStateException("boom"))))
            .expectError(IllegalStateException.class).verify();
        StepVerifier.create(gate.admit(() -> { throw new IllegalStateException("while starting"); }))
            .expectError(IllegalStateException.class).verify();
        StepVerifier.create(gate.admit(exchange::mono))
            .then(() -> assertThat(gate.enter().timeout(Duration.ZERO, Mono.empty()).block()).as("permit held").isNull())
            .thenCancel()
            .verify();

        ConnectionGate.Permit permit = gate.enter().block(Duration.ofSeconds(1));
        assertThat(permit).as("the permit is free again after all four").isNotNull();
    }

    @Test
    void closingTheDeadlinesFailsTheWaitersAtOnce() {
        CallDeadlines closing = new CallDeadlines(TIMER);
        ConnectionGate gate = new ConnectionGate(1, 10, Duration.ofMinutes(1), closing);
        gate.enter().block();

        StepVerifier.create(gate.enter())
            .then(() -> closing.failAll(() -> new IllegalStateException("closed")))
            .expectErrorMessage("closed")
            .verify(Duration.ofSeconds(10));
        assertThat(gate.waiting()).isZero();
        StepVerifier.create(gate.enter()).expectErrorMessage("closed").verify(Duration.ofSeconds(10));
    }

    /** A permit handed over just as its waiter is cancelled goes back to the gate, whichever wins. */
    @Test
    void aPermitHandedToAWaiterAsItIsCancelledIsNotLost() {
        ConnectionGate gate = new ConnectionGate(1, 10, Duration.ofMinutes(1), deadlines);
        for (int round = 0; round < 5_000; round++) {
            ConnectionGate.Permit held = gate.enter().block();
            Disposable waiter = gate.admit(Mono::never).subscribe();

            RaceTestUtils.race(held::release, waiter::dispose);

            assertFree(gate, round);
        }
    }

    /** A permit handed over just as its waiter's wait ends (here: the client closing) goes back to the gate. */
    @Test
    void aPermitHandedToAWaiterAsItsWaitEndsIsNotLost() {
        for (int round = 0; round < 5_000; round++) {
            CallDeadlines closing = new CallDeadlines(TIMER);
            ConnectionGate gate = new ConnectionGate(1, 10, Duration.ofMinutes(1), closing);
            ConnectionGate.Permit held = gate.enter().block();
            AtomicReference<ConnectionGate.Permit> handedOver = new AtomicReference<>();
            gate.enter().subscribe(handedOver::set, error -> { });

            RaceTestUtils.race(held::release, () -> closing.failAll(() -> new IllegalStateException("closed")));

            if (handedOver.get() != null) {
                handedOver.get().release();
            }
            assertThat(gate.waiting()).isZero();
            ConnectionGate.Permit next = gate.enter() // free: at once; lost: a wait, which fails as closed
                .onErrorResume(IllegalStateException.class, closed -> Mono.empty()).block();
            assertThat(next).as("round %d: the permit is free again", round).isNotNull();
        }
    }

    private static void assertFree(ConnectionGate gate, int round) {
        AtomicReference<ConnectionGate.Permit> next = new AtomicReference<>();
        Disposable probe = gate.enter().subscribe(next::set);
        if (next.get() == null) {
            probe.dispose();
        }
        assertThat(next.get()).as("round %d: the permit is free again", round).isNotNull();
        next.get().release();
    }

    /**
     * Every admitted caller holds its permit until the test lets it go, so the gate is full in every round: one
     * caller too many would be inside at the same time. Releases come from several threads at once, racing the
     * hand-over to the next waiters.
     */
    @Test
    void concurrentCallersNeverExceedThePermitsAndAllGetThrough() throws InterruptedException {
        int permits = 4;
        int callers = 400;
        ConnectionGate gate = new ConnectionGate(permits, callers, Duration.ofSeconds(30), deadlines);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        Queue<Sinks.Empty<Void>> holding = new ConcurrentLinkedQueue<>();
        Semaphore entered = new Semaphore(0);
        CountDownLatch done = new CountDownLatch(callers);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < callers; i++) {
            gate.admit(() -> {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Sinks.Empty<Void> hold = Sinks.empty();
                    holding.add(hold);
                    entered.release();
                    return hold.asMono();
                })
                .subscribeOn(Schedulers.parallel())
                .subscribe(null, failures::add, done::countDown);
        }

        for (int round = 0; round < callers / permits; round++) {
            assertThat(entered.tryAcquire(permits, 10, TimeUnit.SECONDS)).as("round %d filled the gate", round).isTrue();
            assertThat(inside.get()).as("callers inside in round %d", round).isEqualTo(permits);
            List<Sinks.Empty<Void>> batch = new ArrayList<>();
            for (int i = 0; i < permits; i++) {
                batch.add(holding.poll());
            }
            Flux.fromIterable(batch)
                .parallel(permits)
                .runOn(Schedulers.parallel())
                .doOnNext(hold -> {
                    inside.decrementAndGet();
                    hold.tryEmitEmpty();
                })
                .sequential()
                .blockLast(Duration.ofSeconds(10));
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(maxInside.get()).isEqualTo(permits);
        assertThat(holding).isEmpty();
        assertThat(gate.waiting()).isZero();
    }
}
