package io.querystop.bulk;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The items of one run waiting to start: fresh ones in arrival order, and ones back from a throttling answer, each
 * waiting out its backoff off the wire until its not-before time. A waiting item holds no in-flight slot; once its
 * time has come it starts before any fresh item. The clock is the timer's, so virtual time drives both in tests.
 *
 * <p>Not thread-safe: the run's drain loop owns it, and {@link #wakeWhenDue} has the loop woken when the earliest
 * waiting item is due.
 */
final class Line<T, R> {

    /** An item waiting out a backoff; {@code order} keeps items due at the same time in the order they came back. */
    private record Waiting<T, R>(Event.Queued<T, R> item, long dueNanos, long order) {
    }

    private static final Comparator<Waiting<?, ?>> BY_DUE_TIME = Comparator.<Waiting<?, ?>>comparingLong(
        Waiting::dueNanos).thenComparingLong(Waiting::order);

    private final ArrayDeque<Event.Queued<T, R>> fresh = new ArrayDeque<>();
    private final PriorityQueue<Waiting<T, R>> waiting = new PriorityQueue<>(BY_DUE_TIME);
    private final Scheduler timer;
    private final int maxWaiting;
    private long order;
    private Disposable wakeUp;
    private long wakeUpAt = Long.MAX_VALUE;

    /**
     * @param maxWaiting while this many items wait out a backoff, the run takes no new item (those already taken
     *                   still come back here whatever the count, so it may be exceeded by the calls in flight)
     */
    Line(Scheduler timer, int maxWaiting) {
        this.timer = timer;
        this.maxWaiting = maxWaiting;
    }

    void offer(Event.Queued<T, R> item) {
        fresh.offer(item);
    }

    /** Puts an item back to start again {@code delayNanos} from now, or at once (ahead of fresh items) if 0. */
    void offerAfter(Event.Queued<T, R> item, long delayNanos) {
        waiting.offer(new Waiting<>(item, now() + delayNanos, order++));
    }

    /** Whether an item may start now. */
    boolean hasReady() {
        return isDue() || !fresh.isEmpty();
    }

    /** The next item to start: a waiting one whose time has come, else the oldest fresh one; {@code null} if none. */
    Event.Queued<T, R> pollReady() {
        return isDue() ? waiting.poll().item() : fresh.poll();
    }

    private boolean isDue() {
        Waiting<T, R> first = waiting.peek();
        return first != null && first.dueNanos() - now() <= 0;
    }

    /** Fresh items, which hold slots of the run. */
    int freshCount() {
        return fresh.size();
    }

    int waitingCount() {
        return waiting.size();
    }

    /** Whether the run should take no new item until some waiting ones have gone back on the wire. */
    boolean waitingFull() {
        return waiting.size() >= maxWaiting;
    }

    boolean isEmpty() {
        return fresh.isEmpty() && waiting.isEmpty();
    }

    /**
     * Has {@code wake} run when the earliest waiting item is due, unless a wake-up for then or earlier is set. An item
     * already due waits for a slot, whose freeing wakes the run anyway: no timer for it, or it would spin.
     */
    void wakeWhenDue(Runnable wake) {
        Waiting<T, R> first = waiting.peek();
        if (first == null || first.dueNanos() >= wakeUpAt) {
            return;
        }
        long delay = first.dueNanos() - now();
        if (delay <= 0) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.dispose();
        }
        wakeUpAt = first.dueNanos();
        wakeUp = timer.schedule(wake, delay, TimeUnit.NANOSECONDS);
    }

    /** The wake-up came: the next {@link #wakeWhenDue} sets a new one. */
    void woke() {
        wakeUpAt = Long.MAX_VALUE;
    }

    /** Empties the line, handing each item to {@code each}: waiting ones first, in due order, then fresh ones. */
    void drain(Consumer<Event.Queued<T, R>> each) {
        for (Waiting<T, R> item = waiting.poll(); item != null; item = waiting.poll()) {
            each.accept(item.item());
        }
        for (Event.Queued<T, R> item = fresh.poll(); item != null; item = fresh.poll()) {
            each.accept(item);
        }
    }

    /** Empties the line and cancels the wake-up; the run has ended. */
    void clear() {
        fresh.clear();
        waiting.clear();
        stop();
    }

    /** Cancels a pending wake-up. */
    void stop() {
        Disposable pending = wakeUp;
        if (pending != null) {
            pending.dispose();
        }
        wakeUp = null;
        wakeUpAt = Long.MAX_VALUE;
    }

    private long now() {
        return timer.now(TimeUnit.NANOSECONDS);
    }
}
