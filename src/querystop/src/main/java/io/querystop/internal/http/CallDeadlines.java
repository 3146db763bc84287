package io.querystop.internal.http;

import io.netty.util.Timeout;
import io.netty.util.Timer;
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
    private final Set<Deadline> armed = ConcurrentHashMap.newKeySet();
    private volatile Supplier<? extends Throwable> closed;

    public CallDeadlines(Timer timer) {
        this.timer = timer;
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
        for (Deadline deadline : armed) {
            deadline.fail(reason.get());
        }
    }

    /** One armed deadline; signals its sink at most once, so a late sweep never drops an error into the void. */
    private static final class Deadline extends AtomicBoolean {
        private final MonoSink<Long> sink;

        Deadline(MonoSink<Long> sink) {
            this.sink = sink;
        }

        void fire() {
            if (compareAndSet(false, true)) {
                sink.success(0L);
            }
        }

        void fail(Throwable reason) {
            if (compareAndSet(false, true)) {
                sink.error(reason);
            }
        }
    }
}
