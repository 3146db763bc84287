package io.querystop.benchmarks.compare;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives a callback-style client the way a user would: {@code concurrency} calls in flight, each completion starting
 * the next id, until all are done. Used for the two SDK baselines; querystop and the raw loop use Reactor.
 */
final class ClosedLoop {

    /** Starts one call; the client calls {@code done} exactly once, on whatever thread it answers on. */
    interface Call {
        void start(String id, Done done);
    }

    interface Done {
        void complete(boolean cancelled);
    }

    private final String[] ids;
    private final int end;
    private final long[] latencies;
    private final Call call;
    private final AtomicInteger next;
    private final AtomicInteger recorded = new AtomicInteger();
    private final LongAdder cancelled = new LongAdder();
    private final CountDownLatch finished;

    private ClosedLoop(String[] ids, int from, int count, long[] latencies, Call call) {
        this.ids = ids;
        this.end = from + count;
        this.latencies = latencies;
        this.call = call;
        this.next = new AtomicInteger(from);
        this.finished = new CountDownLatch(count);
    }

    static long run(String[] ids, int from, int count, int concurrency, long[] latencies, Call call,
                    Duration timeout) throws InterruptedException, TimeoutException {
        ClosedLoop loop = new ClosedLoop(ids, from, count, latencies, call);
        for (int i = 0; i < concurrency; i++) {
            loop.launch();
        }
        if (!loop.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("not finished within " + timeout + ": " + loop.finished.getCount() + " left");
        }
        return loop.cancelled.sum();
    }

    private void launch() {
        int i = next.getAndIncrement();
        if (i >= end) {
            return;
        }
        long start = System.nanoTime();
        call.start(ids[i], ok -> {
            latencies[recorded.getAndIncrement()] = System.nanoTime() - start;
            if (ok) {
                cancelled.increment();
            }
            finished.countDown();
            launch();
        });
    }
}
