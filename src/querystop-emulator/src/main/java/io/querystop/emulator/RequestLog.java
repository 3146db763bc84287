package io.querystop.emulator;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What an instance received: the recorded requests (up to a limit), their count, and client aborts. */
final class RequestLog {

    private final BlockingQueue<RecordedRequest> recorded;
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder clientAborts = new LongAdder();

    RequestLog(int maxRecorded) {
        this.recorded = new LinkedBlockingQueue<>(maxRecorded);
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Keeps the request if there is room; beyond the limit it is counted by {@link #count()} only. */
    void record(RecordedRequest request) {
        recorded.offer(request);
    }

    RecordedRequest take(Duration timeout) throws InterruptedException {
        return recorded.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long count() {
        return sequence.get();
    }

    void clientAborted() {
        clientAborts.increment();
    }

    long clientAborts() {
        return clientAborts.sum();
    }

    void clear() {
        recorded.clear();
        sequence.set(0);
        clientAborts.reset();
    }
}
