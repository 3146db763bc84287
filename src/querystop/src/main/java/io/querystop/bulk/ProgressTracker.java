package io.querystop.bulk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live figures of a bulk cancellation, updated as it runs and readable from any thread, e.g. by a progress bar or a
 * metrics gauge. Give one to {@link BulkOptions#withProgress} per run.
 */
public final class ProgressTracker {

    private final LongAdder requested = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder notRunning = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final AtomicInteger concurrencyLimit = new AtomicInteger();
    private final AtomicLong startNanos = new AtomicLong();

    public BulkProgress snapshot() {
        long start = startNanos.get();
        return new BulkProgress(requested.sum(), inFlight.get(), peakInFlight.get(), cancelled.sum(),
            notRunning.sum(), failed.sum(), duplicates.sum(), throttled.sum(), concurrencyLimit.get(),
            start == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start));
    }

    void started() {
        startNanos.compareAndSet(0, System.nanoTime());
    }

    void requested() {
        requested.increment();
    }

    void callStarted() {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void callEnded() {
        inFlight.decrementAndGet();
    }

    void throttled() {
        throttled.increment();
    }

    void limit(int limit) {
        concurrencyLimit.set(limit);
    }

    void outcome(CancelOutcome.Status status) {
        switch (status) {
            case CANCELLED -> cancelled.increment();
            case NOT_RUNNING -> notRunning.increment();
            case FAILED -> failed.increment();
            case DUPLICATE -> duplicates.increment();
        }
    }
}
