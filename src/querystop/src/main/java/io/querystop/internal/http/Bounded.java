package io.querystop.internal.http;

import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * A {@code Mono} bounded by one of a client's {@link CallDeadlines}: when the deadline passes first, the source is
 * cancelled and the {@code Mono} fails with the timeout's error; when the client closes, with the closing reason. What
 * {@code timeout(deadlines.after(d), Mono.error(...))} does, with one subscriber that is also the timer's task and
 * the armed deadline, where that makes about a dozen objects per call.
 */
final class Bounded<T> extends MonoOperator<T, T> {

    private final CallDeadlines deadlines;
    private final long nanos;
    private final Supplier<? extends Throwable> timedOut;

    Bounded(Mono<? extends T> source, CallDeadlines deadlines, long nanos, Supplier<? extends Throwable> timedOut) {
        super(source);
        this.deadlines = deadlines;
        this.nanos = nanos;
        this.timedOut = timedOut;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new BoundedSubscriber<>(actual, this));
    }

    private static final class BoundedSubscriber<T>
        implements CoreSubscriber<T>, Subscription, TimerTask, Runnable, CallDeadlines.Armed {

        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<BoundedSubscriber> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(BoundedSubscriber.class, "ended");

        private final CoreSubscriber<? super T> actual;
        private final Bounded<T> parent;
        private Subscription upstream;
        private volatile Timeout timeout;
        private volatile int ended;

        BoundedSubscriber(CoreSubscriber<? super T> actual, Bounded<T> parent) {
            this.actual = actual;
            this.parent = parent;
        }

        /** The one end this subscription has: the source's, the deadline's, the closing's or a cancel. */
        private boolean end() {
            return ENDED.compareAndSet(this, 0, 1);
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (!Operators.validate(upstream, s)) {
                return;
            }
            upstream = s;
            actual.onSubscribe(this);
            // Armed after the subscriber has its subscription (so that no failure can reach it before), and
            // disarmed again at once if the source ended meanwhile: either this or the ending thread sees the other.
            Timeout armed;
            try {
                armed = parent.deadlines.arm(this, parent.nanos);
            } catch (IllegalStateException stopped) {
                fail(new IllegalStateException("the client's ClientResources are closed", stopped));
                return;
            }
            timeout = armed;
            if (ended != 0) {
                disarm();
                return;
            }
            Supplier<? extends Throwable> closing = parent.deadlines.closingReason();
            if (closing != null) {
                fail(closing.get()); // closed while arming: the sweep may have missed this one
            }
        }

        private void disarm() {
            Timeout armed = timeout;
            if (armed != null) {
                armed.cancel();
                parent.deadlines.disarm(this);
            }
        }

        @Override
        public void onNext(T value) {
            if (!end()) {
                Operators.onDiscard(value, actual.currentContext());
                return;
            }
            disarm();
            actual.onNext(value);
            actual.onComplete();
        }

        @Override
        public void onError(Throwable error) {
            if (!end()) {
                Operators.onErrorDropped(error, actual.currentContext());
                return;
            }
            disarm();
            actual.onError(error);
        }

        @Override
        public void onComplete() {
            if (end()) {
                disarm();
                actual.onComplete();
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            if (end()) {
                disarm();
            }
            upstream.cancel();
        }

        /** The timer's thread: the deadline's signal moves to the parallel scheduler (nothing runs on the timer). */
        @Override
        public void run(Timeout fired) {
            if (ended == 0) {
                Schedulers.parallel().schedule(this);
            }
        }

        /** The deadline passed. */
        @Override
        public void run() {
            Throwable error;
            try {
                error = parent.timedOut.get();
            } catch (Throwable failure) {
                Exceptions.throwIfFatal(failure);
                error = failure;
            }
            fail(error);
        }

        @Override
        public void fail(Throwable reason) {
            if (end()) {
                disarm();
                upstream.cancel();
                actual.onError(reason);
            }
        }
    }
}
