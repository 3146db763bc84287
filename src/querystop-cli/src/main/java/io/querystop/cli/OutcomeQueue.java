package io.querystop.cli;

import io.querystop.bulk.CancelOutcome;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * Takes a bulk run's outcomes off the event loops into a queue that the printing thread drains, never blocking the
 * loops. Demand is bounded ({@value #PREFETCH} outcomes ahead), so a slow standard output slows the run instead of
 * filling memory; and unlike {@code publishOn}, what is queued when the run is cancelled is still there to print.
 */
final class OutcomeQueue<R> extends BaseSubscriber<CancelOutcome<R>> {

    static final int PREFETCH = 64;

    private final Queue<CancelOutcome<R>> queue = new ConcurrentLinkedQueue<>();
    private final BulkStop wake;
    private volatile boolean done;
    private volatile Throwable error;
    private int taken;

    OutcomeQueue(BulkStop wake) {
        this.wake = wake;
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        subscription.request(PREFETCH);
    }

    @Override
    protected void hookOnNext(CancelOutcome<R> outcome) {
        queue.offer(outcome);
        wake.wake();
    }

    @Override
    protected void hookOnComplete() {
        done = true;
        wake.wake();
    }

    @Override
    protected void hookOnError(Throwable failure) {
        error = failure;
        done = true;
        wake.wake();
    }

    /** The next outcome, or {@code null}; only the printing thread calls it. */
    CancelOutcome<R> poll() {
        CancelOutcome<R> outcome = queue.poll();
        if (outcome != null && ++taken == PREFETCH / 2) {
            taken = 0;
            request(PREFETCH / 2);
        }
        return outcome;
    }

    /** Whether the run has ended and every outcome was taken. */
    boolean finished() {
        return done && queue.isEmpty();
    }

    /** How the run ended: {@code null} when it completed. */
    Throwable error() {
        return error;
    }

    /**
     * Stops the run at once: first asks for every outcome the engine holds (its input has stopped, so it reads no more
     * ids), then cancels the calls still unanswered.
     */
    void stopNow() {
        request(Long.MAX_VALUE);
        cancel();
    }
}
