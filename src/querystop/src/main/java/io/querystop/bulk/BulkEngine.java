package io.querystop.bulk;

import io.querystop.CredentialsUnavailableException;
import io.querystop.QuerystopException;
import io.querystop.RetryPolicy;
import io.querystop.AttemptObserver;
import io.querystop.CallOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;

/**
 * The bulk operator: a {@code Flux} of outcomes over a publisher of inputs. Inputs are requested only into free slots,
 * where a slot is a call in flight or an outcome not yet delivered, so neither a slow service nor a slow consumer can
 * make it buffer more than the in-flight limit. All state changes meet in one drain loop.
 *
 * @param <I> input: an id or a request record
 * @param <R> the operation's response
 */
final class BulkEngine<I, R> extends Flux<CancelOutcome<R>> {

    private final Publisher<? extends I> inputs;
    private final Function<? super I, String> idOf;
    private final BiFunction<? super I, CallOptions, Mono<R>> call;
    private final Predicate<Throwable> notRunning;
    private final BulkOptions options;

    BulkEngine(Publisher<? extends I> inputs, Function<? super I, String> idOf,
               BiFunction<? super I, CallOptions, Mono<R>> call,
               Predicate<Throwable> notRunning, BulkOptions options) {
        this.inputs = inputs;
        this.idOf = idOf;
        this.call = call;
        this.notRunning = notRunning;
        this.options = options;
    }

    @Override
    public void subscribe(CoreSubscriber<? super CancelOutcome<R>> actual) {
        inputs.subscribe(new Run(actual));
    }

    /** An error of the client itself, not of one id: it ends the whole run. */
    static boolean isFatal(Throwable error) {
        return error instanceof IllegalStateException || error instanceof CredentialsUnavailableException;
    }

    /** How many times an id whose retries all met throttling goes back in line before it fails. */
    static final int MAX_REQUEUES = 5;

    /** An input and what earlier rounds made of it, if it was requeued after throttling. */
    private record Input<I>(long index, I value, int requeues, int priorAttempts, long firstStartNanos) {
        Input<I> requeued(int attempts, long startNanos) {
            return new Input<>(index, value, requeues + 1, priorAttempts + attempts,
                firstStartNanos == 0 ? startNanos : firstStartNanos);
        }
    }

    private final class Run implements CoreSubscriber<I>, Subscription {

        private final CoreSubscriber<? super CancelOutcome<R>> actual;
        private final AdaptiveLimit limit = new AdaptiveLimit(options.maxConcurrency(), options.adaptiveConcurrency());
        private final ProgressTracker progress = options.progress() != null ? options.progress() : new ProgressTracker();
        private final CallOptions itemOptions;
        private final Set<String> seen = options.deduplicate() ? new HashSet<>() : null;
        private final double nanosPerStart = options.maxRequestsPerSecond() > 0
            ? 1e9 / options.maxRequestsPerSecond() : 0;
        private final Queue<Input<I>> waiting = new ConcurrentLinkedQueue<>();
        private final Queue<CancelOutcome<R>> finished = new ConcurrentLinkedQueue<>();
        private final Map<Long, CancelOutcome<R>> finishedByIndex = new ConcurrentHashMap<>();
        private final Set<Disposable> calls = ConcurrentHashMap.newKeySet();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicLong requested = new AtomicLong();
        private final AtomicLong outstanding = new AtomicLong();
        private final AtomicInteger waitingCount = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger buffered = new AtomicInteger();
        private final AtomicBoolean pacingTimer = new AtomicBoolean();
        private volatile Disposable pacing;
        private Subscription upstream;
        private long nextIndex;
        private long nextToEmit;
        private double nextStartNanos;
        private volatile boolean upstreamDone;
        private volatile Throwable upstreamError;
        private volatile Throwable fatal;
        private volatile boolean cancelled;
        private volatile boolean terminated;

        Run(CoreSubscriber<? super CancelOutcome<R>> actual) {
            this.actual = actual;
            RetryPolicy base = options.retryPolicy();
            this.itemOptions = CallOptions.defaults().withRetryPolicy(base.toBuilder()
                .retryOn(error -> !notRunning.test(error) && base.isRetryable(error)).build());
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (Operators.validate(upstream, subscription)) {
                upstream = subscription;
                progress.started();
                progress.limit(limit.current());
                actual.onSubscribe(this);
                drain();
            }
        }

        @Override
        public void onNext(I value) {
            if (terminated || cancelled) {
                Operators.onNextDropped(value, actual.currentContext());
                return;
            }
            outstanding.decrementAndGet();
            progress.requested();
            waiting.offer(new Input<>(nextIndex++, value, 0, 0, 0));
            waitingCount.incrementAndGet();
            drain();
        }

        @Override
        public void onError(Throwable error) {
            upstreamError = error;
            upstreamDone = true;
            drain();
        }

        @Override
        public void onComplete() {
            upstreamDone = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                requested.getAndUpdate(now -> {
                    long sum = now + n;
                    return sum < 0 ? Long.MAX_VALUE : sum;
                });
                drain();
            }
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                stopEverything();
                drain();
            }
        }

        /** Stops pulling inputs, aborts the calls in flight and the pacing timer. */
        private void stopEverything() {
            upstream.cancel();
            calls.forEach(Disposable::dispose);
            Disposable timer = pacing;
            if (timer != null) {
                timer.dispose();
            }
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            while (true) {
                if (cancelled || terminated) {
                    waiting.clear();
                    finished.clear();
                    finishedByIndex.clear();
                } else {
                    try {
                        emit();
                        if (fatal == null) {
                            start();
                            pull();
                        }
                        terminateIfDone();
                    } catch (Throwable unexpected) {
                        // An exception escaping here would leave wip raised and the run stalled forever: end it.
                        reactor.core.Exceptions.throwIfJvmFatal(unexpected);
                        abort(unexpected);
                    }
                }
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        @Override
        public String toString() {
            return "Run[limit=" + limit.current() + ", running=" + running.get() + ", buffered=" + buffered.get()
                + ", waiting=" + waitingCount.get() + "/" + waiting.size() + ", outstanding=" + outstanding.get()
                + ", requested=" + requested.get() + ", upstreamDone=" + upstreamDone + ", fatal=" + fatal
                + ", cancelled=" + cancelled + ", terminated=" + terminated + ", wip=" + wip.get() + "]";
        }

        private void abort(Throwable error) {
            terminated = true;
            stopEverything();
            try {
                actual.onError(error);
            } catch (Throwable broken) {
                reactor.core.Exceptions.throwIfJvmFatal(broken);
                Operators.onErrorDropped(broken, actual.currentContext());
            }
        }

        private void emit() {
            long demand = requested.get();
            long emitted = 0;
            while (emitted != demand) {
                CancelOutcome<R> outcome = options.ordered() ? finishedByIndex.remove(nextToEmit) : finished.poll();
                if (outcome == null) {
                    break;
                }
                nextToEmit++;
                buffered.decrementAndGet();
                actual.onNext(outcome);
                emitted++;
            }
            if (emitted != 0 && demand != Long.MAX_VALUE) {
                requested.addAndGet(-emitted);
            }
        }

        private void start() {
            while (running.get() < limit.current() && !waiting.isEmpty()) {
                if (nanosPerStart > 0) {
                    double now = Schedulers.parallel().now(TimeUnit.NANOSECONDS); // the timer's own clock
                    if (now < nextStartNanos) {
                        schedulePacing((long) (nextStartNanos - now));
                        return;
                    }
                    nextStartNanos = Math.max(now, nextStartNanos) + nanosPerStart;
                }
                Input<I> input = waiting.poll();
                waitingCount.decrementAndGet();
                begin(input);
            }
        }

        private void pull() {
            if (upstreamDone) {
                return;
            }
            long free = (long) limit.current() - running.get() - buffered.get() - waitingCount.get()
                - outstanding.get();
            if (free > 0) {
                outstanding.addAndGet(free);
                upstream.request(free);
            }
        }

        private void terminateIfDone() {
            if (running.get() != 0 || buffered.get() != 0) {
                return;
            }
            if (fatal != null) {
                terminated = true;
                actual.onError(fatal);
            } else if (upstreamDone && waiting.isEmpty()) {
                terminated = true;
                if (upstreamError != null) {
                    actual.onError(upstreamError);
                } else {
                    actual.onComplete();
                }
            }
        }

        private void schedulePacing(long nanos) {
            if (pacingTimer.compareAndSet(false, true)) {
                pacing = Schedulers.parallel().schedule(() -> {
                    pacingTimer.set(false);
                    drain();
                }, nanos, TimeUnit.NANOSECONDS);
            }
        }

        private void begin(Input<I> input) {
            String id;
            try {
                id = idOf.apply(input.value());
            } catch (RuntimeException e) {
                id = null;
            }
            if (seen != null && id != null && !seen.add(id)) {
                finish(new CancelOutcome<>(input.index(), id, CancelOutcome.Status.DUPLICATE, null, null, 0,
                    Duration.ZERO), false);
                return;
            }
            running.incrementAndGet();
            progress.callStarted();
            ItemCall item = new ItemCall(input, id);
            calls.add(item);
            Mono<R> mono;
            try {
                mono = call.apply(input.value(), itemOptions.withAttemptObserver(item));
            } catch (RuntimeException e) {
                mono = Mono.error(e); // e.g. a record refusing a blank id: this input's outcome, not the run's
            }
            mono.subscribe(item);
        }

        /** Records an outcome; {@code fromCall} when it ends a call that was counted as running. */
        private void finish(CancelOutcome<R> outcome, boolean fromCall) {
            buffered.incrementAndGet(); // before the slot frees, so the slot is never counted free twice
            if (options.ordered()) {
                finishedByIndex.put(outcome.index(), outcome);
            } else {
                finished.offer(outcome);
            }
            if (fromCall) {
                running.decrementAndGet();
                progress.callEnded();
            }
            progress.outcome(outcome.status());
            drain();
        }

        /** One input's call: exactly one outcome, whatever the Mono does. */
        private final class ItemCall extends BaseSubscriber<R> implements AttemptObserver {
            private final Input<I> input;
            private final String id;
            private final long startNanos = System.nanoTime();
            private final AtomicInteger attempts = new AtomicInteger();
            private final AtomicBoolean done = new AtomicBoolean();

            ItemCall(Input<I> input, String id) {
                this.input = input;
                this.id = id;
            }

            @Override
            public void onAttempt(boolean throttled, long nanos) {
                attempts.incrementAndGet();
                if (throttled) {
                    progress.throttled();
                }
                limit.onAttempt(throttled, nanos);
                progress.limit(limit.current());
            }

            @Override
            protected void hookOnNext(R response) {
                complete(CancelOutcome.Status.CANCELLED, response, null);
            }

            @Override
            protected void hookOnComplete() {
                if (!done.get()) { // the usual completion follows an answer: no exception to build for it
                    complete(CancelOutcome.Status.FAILED, null,
                        new IllegalStateException("the call ended without an answer"));
                }
            }

            @Override
            protected void hookOnError(Throwable error) {
                if (isFatal(error)) {
                    if (done.compareAndSet(false, true)) {
                        calls.remove(this);
                        if (fatal == null) {
                            fatal = error;
                        }
                        upstream.cancel();
                        waiting.clear();
                        waitingCount.set(0);
                        running.decrementAndGet();
                        progress.callEnded();
                        drain();
                    }
                    return;
                }
                complete(notRunning.test(error) ? CancelOutcome.Status.NOT_RUNNING : CancelOutcome.Status.FAILED,
                    null, error);
            }

            private void complete(CancelOutcome.Status status, R response, Throwable error) {
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                calls.remove(this);
                int made = error instanceof QuerystopException q && q.attempts() > 0 ? q.attempts()
                    : Math.max(attempts.get(), error instanceof IllegalArgumentException ? 0 : 1);
                if (status == CancelOutcome.Status.FAILED && options.adaptiveConcurrency()
                    && RetryPolicy.isThrottling(error) && input.requeues() < MAX_REQUEUES) {
                    // Every retry met throttling, and the limiter has already slowed the run: back in line.
                    waiting.offer(input.requeued(made, startNanos));
                    waitingCount.incrementAndGet();
                    running.decrementAndGet();
                    progress.callEnded();
                    drain();
                    return;
                }
                long since = input.firstStartNanos() == 0 ? startNanos : input.firstStartNanos();
                finish(new CancelOutcome<>(input.index(), id, status, response, error, input.priorAttempts() + made,
                    Duration.ofNanos(System.nanoTime() - since)), true);
            }
        }
    }
}
