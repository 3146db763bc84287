package io.querystop.emulator;

import io.querystop.emulator.ServiceAnswers.Answer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * An instance's service capacity: each answer takes the latency, and above the capacity of requests served at once
 * the service answers its throttling error. Counts the peak served at once and the requests throttled.
 */
final class Capacity {

    private final Duration defaultLatency;
    private final int defaultCapacity;
    private final AtomicInteger serving = new AtomicInteger();
    private final AtomicInteger peakServing = new AtomicInteger();
    private final LongAdder throttled = new LongAdder();
    private volatile Duration latency;
    private volatile int capacity;

    Capacity(Duration latency, int capacity) {
        this.defaultLatency = latency;
        this.defaultCapacity = capacity;
        reset();
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    void capacity(int capacity) {
        this.capacity = capacity;
    }

    /** Whether requests go through {@link #serve} rather than being answered at once. */
    boolean limits() {
        return capacity > 0 || !latency.isZero();
    }

    /**
     * Delivers the answer after the latency, or the service's throttling error when over capacity. A request stops
     * counting as served once its answer is made, before it is written: a client that reads the answer may send its
     * next request before this server's write completes, and counting until then would see more at once than the
     * client ever had in flight.
     */
    Mono<Void> serve(Route route, Supplier<Answer> answer, Function<Answer, Mono<Void>> deliver) {
        int limit = capacity;
        Duration work = latency;
        int load = serving.incrementAndGet();
        peakServing.accumulateAndGet(load, Math::max);
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable leave = () -> {
            if (counted.compareAndSet(true, false)) {
                serving.decrementAndGet();
            }
        };
        Mono<Answer> served = Mono.fromSupplier(() -> {
            leave.run();
            if (limit > 0 && load > limit) {
                throttled.increment();
                return route.isCloudTrail() ? ServiceAnswers.cloudTrailError(400, "ThrottlingException", "Rate exceeded")
                    : ServiceAnswers.neptuneError(500, "ThrottlingException", "Too many concurrent requests");
            }
            return answer.get();
        });
        // the finally covers a request given up on during its latency, whose answer is never made
        return (work.isZero() ? served : Mono.delay(work).then(served)).doFinally(signal -> leave.run())
            .flatMap(deliver);
    }

    /** Whether answers are delayed, so that a client may give up waiting. */
    boolean delays() {
        return !latency.isZero();
    }

    int peak() {
        return peakServing.get();
    }

    long throttled() {
        return throttled.sum();
    }

    void reset() {
        peakServing.set(0);
        throttled.reset();
        latency = defaultLatency;
        capacity = defaultCapacity;
    }
}
