package io.querystop.internal.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The admission stage, the one queue of a client: admits at most {@code permits} exchanges at once; the rest wait
 * here, first come first served, up to a limit and a timeout. The pool behind it is sized so that it never queues an
 * admitted exchange for long (see {@link ConnectionPool}). Reactor Netty's own pool queue keeps a cancelled waiter
 * until its acquire timeout expires (reactor/reactor-netty#3531), where it still counts against the pending limit;
 * here a cancelled waiter leaves the queue at once.
 */
public final class ConnectionGate {

    /** The waiting queue is full. */
    public static final class GateFullException extends RuntimeException {
        private final int limit;

        GateFullException(int limit) {
            super("pending limit", null, false, false);
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    /** No permit became free in time. */
    public static final class GateTimeoutException extends RuntimeException {
        private final Duration timeout;

        GateTimeoutException(Duration timeout) {
            super("acquire timeout", null, false, false);
            this.timeout = timeout;
        }

        public Duration timeout() {
            return timeout;
        }
    }

    /** One admitted exchange; {@link #release()} is idempotent. It ends with its exchange, however that ends. */
    final class Permit implements OnEnd.Listener<Object> {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                available.incrementAndGet();
                drain();
            }
        }

        @Override
        public void onValue(Object value) {
            release();
        }

        @Override
        public void onError(Throwable error) {
            release();
        }

        @Override
        public void onCancel() {
            release();
        }
    }

    /**
     * One caller in the queue. It leaves exactly once: handed a permit, cancelled, timed out or closed. A permit
     * handed over just as its caller cancels would be dropped by Reactor, so the cancel gives it back.
     */
    private final class Waiter {
        static final int WAITING = 0;
        static final int CLAIMED = 1;
        static final int LEFT = 2;

        final MonoSink<Permit> sink;
        final AtomicInteger state = new AtomicInteger(WAITING);
        volatile Permit permit;

        Waiter(MonoSink<Permit> sink) {
            this.sink = sink;
        }

        /** Hands this waiter a permit taken from {@code available}, unless it has left. */
        boolean claim() {
            permit = new Permit(); // before the state changes, for a cancel that sees CLAIMED
            if (!state.compareAndSet(WAITING, CLAIMED)) {
                return false;
            }
            waiting.decrementAndGet();
            sink.success(permit);
            return true;
        }

        /** Leaves the queue if still in it, failing with {@code reason}, or quietly for {@code null}. */
        void leave(Throwable reason) {
            if (state.compareAndSet(WAITING, LEFT)) {
                waiting.decrementAndGet();
                waiters.remove(this);
                if (reason != null) {
                    sink.error(reason);
                }
            }
        }

        void cancelled() {
            leave(null);
            if (state.get() == CLAIMED) {
                permit.release(); // handed over as the caller left: never delivered
            }
        }
    }

    private final AtomicInteger available;
    private final int maxWaiting;
    private final Duration waitTimeout;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final CallDeadlines deadlines;

    /**
     * @param deadlines where the wait timeout is armed
     */
    public ConnectionGate(int permits, int maxWaiting, Duration waitTimeout, CallDeadlines deadlines) {
        this.available = new AtomicInteger(permits);
        this.maxWaiting = maxWaiting;
        this.waitTimeout = waitTimeout;
        this.deadlines = deadlines;
    }

    /**
     * Runs {@code exchange} once admitted, holding the permit until it ends: completes, fails or is cancelled. The
     * permit is released before the answer travels on, so that a call started in reaction to it finds it free.
     * Fails with {@link GateFullException} or {@link GateTimeoutException} when not admitted.
     */
    public <T> Mono<T> admit(Supplier<Mono<T>> exchange) {
        return Mono.defer(() -> tryTakeInTurn()
            ? holding(new Permit(), exchange)
            // Not flatMap: Reactor 3.8's MonoFlatMap can miss a cancel that races the inner's subscription (its
            // cancel gives up when the inner arrives between its read and its compare-and-set), and the exchange
            // would then run on, permit held, though its caller left. flatMapMany's cancel cannot miss it.
            : waitForPermit().flatMapMany(permit -> holding(permit, exchange)).singleOrEmpty());
    }

    /** Called at the exchange's subscription (inside a defer or flatMap), as {@code Mono.defer(exchange)} would. */
    private static <T> Mono<T> holding(Permit permit, Supplier<Mono<T>> exchange) {
        try {
            return new OnEnd<>(exchange.get(), permit);
        } catch (Throwable failure) {
            Exceptions.throwIfFatal(failure);
            permit.release();
            return Mono.error(failure);
        }
    }

    /**
     * A permit, at once or after waiting; cold. First come, first served: nobody takes a free permit while others
     * wait (without that, a waiter can lose every race to newcomers and wait for a very long time).
     */
    Mono<Permit> enter() {
        return Mono.defer(() -> tryTakeInTurn() ? Mono.just(new Permit()) : waitForPermit());
    }

    private Mono<Permit> waitForPermit() {
        return Mono.<Permit>create(sink -> {
            if (tryTakeInTurn()) {
                sink.success(new Permit());
                return;
            }
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                sink.error(new GateFullException(maxWaiting));
                return;
            }
            Waiter waiter = new Waiter(sink);
            // The wait's deadline ends it only while it is still waiting: a timeout operator around the wait could
            // drop a permit handed over at the same moment.
            Disposable deadline = deadlines.after(waitTimeout)
                .subscribe(fired -> waiter.leave(new GateTimeoutException(waitTimeout)), waiter::leave);
            sink.onCancel(waiter::cancelled);
            sink.onDispose(deadline);
            waiters.add(waiter);
            drain(); // a permit may have come free between tryTake and add
        });
    }

    /** Callers waiting for a permit. */
    public int waiting() {
        return waiting.get();
    }

    /** A free permit for a newcomer, but only when nobody is waiting ahead of it. */
    private boolean tryTakeInTurn() {
        return waiting.get() == 0 && tryTake();
    }

    private boolean tryTake() {
        while (true) {
            int now = available.get();
            if (now <= 0) {
                return false;
            }
            if (available.compareAndSet(now, now - 1)) {
                return true;
            }
        }
    }

    private void drain() {
        while (waiters.peek() != null && tryTake()) {
            Waiter waiter = waiters.poll();
            if (waiter == null || !waiter.claim()) {
                available.incrementAndGet(); // nobody to give it to after all
            }
        }
    }
}
