package io.querystop.cli;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Where a bulk run stands with respect to stopping, and the wake-ups of the thread that prints its outcomes. A first
 * signal stops the reading of ids ({@link #inputStopped()}) and starts the grace period, in which the calls in flight
 * may still finish; a second signal, or the end of the grace period, means stop now. Thread-safe.
 */
final class BulkStop {

    private final Semaphore wake = new Semaphore(0);
    private final Sinks.One<Boolean> inputStop = Sinks.one();
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private volatile String signal;
    private volatile long deadline;
    private volatile boolean now;

    BulkStop(Duration grace, LongSupplier nanoTime) {
        this.graceNanos = grace.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : grace.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A signal arrived ({@code "INT"} or {@code "TERM"}); called on the signal's own thread. */
    void signal(String name) {
        boolean first;
        synchronized (this) {
            first = signal == null;
            if (first) {
                deadline = nanoTime.getAsLong() + graceNanos;
                signal = name;
            } else {
                now = true;
            }
        }
        if (first) {
            inputStop.tryEmitValue(Boolean.TRUE); // outside the lock: it completes the input on this thread
        }
        wake();
    }

    /** Emits when the reading of ids must stop. */
    Mono<Boolean> inputStopped() {
        return inputStop.asMono();
    }

    /** The first signal, or {@code null} while there was none. */
    String signal() {
        return signal;
    }

    /** Wakes the thread in {@link #await()}: an outcome or the end of the run is there to handle. */
    void wake() {
        wake.release();
    }

    /** Waits for a wake-up or the end of the grace period; returns {@link #mustStopNow()}. */
    boolean await() throws InterruptedException {
        if (mustStopNow()) {
            return true;
        }
        if (signal == null) {
            wake.acquire();
        } else {
            wake.tryAcquire(Math.max(0, deadline - nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
        }
        wake.drainPermits();
        return mustStopNow();
    }

    /** After a second signal, or when the grace period is over: stop without waiting for answers. */
    boolean mustStopNow() {
        return now || (signal != null && nanoTime.getAsLong() - deadline >= 0);
    }
}
