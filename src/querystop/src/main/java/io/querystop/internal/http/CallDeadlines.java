package io.querystop.internal.http;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * One client's deadlines (call timeouts, admission waits) on the hashed-wheel timer of its
 * {@link io.querystop.ClientResources}. Every call arms one and nearly every call cancels it, so both must be cheap:
 * a wheel does both in constant time without a lock, where a scheduled executor takes a lock and re-sorts its heap
 * twice per call. Only a deadline that fires costs more: its signal moves to Reactor's parallel scheduler, so that
 * nothing downstream runs on the timer's one thread. When the client closes, the deadlines still armed fail at once,
 * which ends the calls and waits they bound.
 */
public final class CallDeadlines {

    private final Timer timer;
    private final Set<Armed> armed = ConcurrentHashMap.newKeySet();
    private volatile Supplier<? extends Throwable> closed;

    public CallDeadlines(Timer timer) {
        this.timer = timer;
    }

    /** What {@link #failAll} ends: an armed deadline. */
    interface Armed {
        /** Ends what the deadline bounds with {@code reason}, unless it has ended already. */
        void fail(Throwable reason);
    }

    /**
     * {@code source}, failing with {@code timedOut}'s error when {@code after} passes first, and with the closing
     * reason when the client closes; cancelling it disarms the timer.
     */
    public <T> Mono<T> bound(Mono<T> source, Duration after, Supplier<? extends Throwable> timedOut) {
        return new Bounded<>(source, this, after.toNanos(), timedOut);
    }

    /** Arms {@code task} on the timer and counts {@code deadline} as armed; the timer's own exception if stopped. */
    <D extends Armed & TimerTask> Timeout arm(D deadline, long nanos) {
        Timeout timeout = timer.newTimeout(deadline, nanos, TimeUnit.NANOSECONDS);
        armed.add(deadline);
        return timeout;
    }

    /** No longer armed: it fired, or what it bounded ended. Its timeout is cancelled by the caller. */
    void disarm(Armed deadline) {
        armed.remove(deadline);
    }

    /** The closing reason once {@link #failAll} was called, else {@code null}. */
    Supplier<? extends Throwable> closingReason() {
        return closed;
    }

    /** Emits once when {@code after} has passed; cancelling it disarms the timer. */
    public Mono<Long> after(Duration after) {
        long nanos = after.toNanos();
        return Mono.create(sink -> {
            Deadline deadline = new Deadline(sink);
            Timeout timeout;
            try {
                timeout = timer.newTimeout(fired -> Schedulers.parallel().schedule(deadline::fire), nanos,
                    TimeUnit.NANOSECONDS);
            } catch (IllegalStateException stopped) {
                sink.error(new IllegalStateException("the client's ClientResources are closed", stopped));
                return;
            }
            armed.add(deadline);
            sink.onDispose(() -> {
                deadline.set(true);
                armed.remove(deadline);
                timeout.cancel();
            });
            Supplier<? extends Throwable> closing = closed;
            if (closing != null) {
                deadline.fail(closing.get()); // closed while arming: the sweep may have missed this one
            }
        });
    }

    /** Fails every deadline still armed, and any armed later, with a new {@code reason} each. */
    public void failAll(Supplier<? extends Throwable> reason) {
        closed = reason;
        for (Armed deadline : armed) {
            deadline.fail(reason.get());
        }
    }

    /** One armed deadline; signals its sink at most once, so a late sweep never drops an error into the void. */
    private static final class Deadline extends AtomicBoolean implements Armed {
        private final MonoSink<Long> sink;

        Deadline(MonoSink<Long> sink) {
            this.sink = sink;
        }

        void fire() {
            if (compareAndSet(false, true)) {
                sink.success(0L);
            }
        }

        @Override
        public void fail(Throwable reason) {
            if (compareAndSet(false, true)) {
                sink.error(reason);
            }
        }
    }
}
