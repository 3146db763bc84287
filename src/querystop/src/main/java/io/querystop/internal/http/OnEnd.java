package io.querystop.internal.http;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Tells a {@link Listener} how a {@code Mono} ended, before the signal travels on: one object per subscription where
 * {@code doOnSuccess}, {@code doOnError} and {@code doOnCancel} make a publisher, a subscriber and a lambda each. The
 * exchange's stages run it on every call, so their per-call state objects are the listeners themselves.
 */
final class OnEnd<T> extends MonoOperator<T, T> {

    /** What a stage does at the end; each method is called at most once, and only one of them. */
    interface Listener<T> {

        /**
         * At each subscription, before the source is subscribed: a failure to end it at once with (the source is
         * then not subscribed and no end is reported), or {@code null} to go on.
         */
        default Throwable onStart() {
            return null;
        }

        /** The source's value, or {@code null} when it completed empty. A throw fails the {@code Mono} instead. */
        void onValue(T value);

        void onError(Throwable error);

        /** The subscriber cancelled before any end. */
        void onCancel();
    }

    private final Listener<? super T> listener;
    private final boolean after;

    /** Tells the listener before the end travels on. */
    OnEnd(Mono<? extends T> source, Listener<? super T> listener) {
        this(source, listener, false);
    }

    /**
     * @param after tell the listener once the end has travelled on (as {@code doFinally}), so that what it releases
     *              is released only when the subscriber has the value; a throw of its own is then dropped
     */
    OnEnd(Mono<? extends T> source, Listener<? super T> listener, boolean after) {
        super(source);
        this.listener = listener;
        this.after = after;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        Throwable refused = listener.onStart();
        if (refused != null) {
            Operators.error(actual, refused);
            return;
        }
        source.subscribe(after ? new AfterSubscriber<>(actual, listener) : new EndSubscriber<>(actual, listener));
    }

    private static class EndSubscriber<T> implements CoreSubscriber<T>, Subscription {

        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<EndSubscriber> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(EndSubscriber.class, "ended");

        final CoreSubscriber<? super T> actual;
        final Listener<? super T> listener;
        Subscription upstream;
        private volatile int ended;

        /** The one end this subscription reports: a cancel can race the value or error. */
        final boolean end() {
            return ENDED.compareAndSet(this, 0, 1);
        }

        EndSubscriber(CoreSubscriber<? super T> actual, Listener<? super T> listener) {
            this.actual = actual;
            this.listener = listener;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
            }
        }

        @Override
        public void onNext(T value) {
            if (!end()) {
                Operators.onDiscard(value, actual.currentContext()); // cancelled meanwhile
                return;
            }
            try {
                listener.onValue(value);
            } catch (Throwable failure) {
                Exceptions.throwIfFatal(failure);
                upstream.cancel();
                actual.onError(Operators.onOperatorError(failure, actual.currentContext()));
                return;
            }
            actual.onNext(value);
            actual.onComplete();
        }

        @Override
        public void onError(Throwable error) {
            if (!end()) {
                Operators.onErrorDropped(error, actual.currentContext());
                return;
            }
            listener.onError(error);
            actual.onError(error);
        }

        @Override
        public void onComplete() {
            if (!end()) {
                return; // after the value, which completed the subscriber already, or a cancel
            }
            try {
                listener.onValue(null);
            } catch (Throwable failure) {
                Exceptions.throwIfFatal(failure);
                actual.onError(Operators.onOperatorError(failure, actual.currentContext()));
                return;
            }
            actual.onComplete();
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            if (end()) {
                listener.onCancel();
            }
            upstream.cancel();
        }
    }

    /** Tells the listener after the subscriber: the value, error or cancel has travelled on first. */
    private static final class AfterSubscriber<T> extends EndSubscriber<T> {

        private static final int VALUE = 0;
        private static final int ERROR = 1;
        private static final int CANCEL = 2;

        AfterSubscriber(CoreSubscriber<? super T> actual, Listener<? super T> listener) {
            super(actual, listener);
        }

        @Override
        public void onNext(T value) {
            if (!end()) {
                Operators.onDiscard(value, actual.currentContext());
                return;
            }
            actual.onNext(value);
            actual.onComplete();
            tell(VALUE, value, null);
        }

        @Override
        public void onError(Throwable error) {
            if (!end()) {
                Operators.onErrorDropped(error, actual.currentContext());
                return;
            }
            actual.onError(error);
            tell(ERROR, null, error);
        }

        @Override
        public void onComplete() {
            if (end()) {
                actual.onComplete();
                tell(VALUE, null, null);
            }
        }

        @Override
        public void cancel() {
            upstream.cancel();
            if (end()) {
                tell(CANCEL, null, null);
            }
        }

        private void tell(int end, T value, Throwable error) {
            try {
                if (end == VALUE) {
                    listener.onValue(value);
                } else if (end == ERROR) {
                    listener.onError(error);
                } else {
                    listener.onCancel();
                }
            } catch (Throwable failure) {
                Exceptions.throwIfFatal(failure);
                Operators.onErrorDropped(failure, actual.currentContext());
            }
        }
    }
}
