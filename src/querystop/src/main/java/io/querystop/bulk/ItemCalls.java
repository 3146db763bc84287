package io.querystop.bulk;

import io.querystop.AttemptObserver;
import io.querystop.CallOptions;
import io.querystop.QuerystopException;
import io.querystop.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

/**
 * The engine's work for one input: makes its call with the run's per-call options and reports exactly one of: its
 * outcome (cancelled, not running, failed), a requeue after throttling, or a fatal error of the client. The call
 * itself never retries a throttling answer: the input waits for its next attempt out of its slot, as
 * {@link Requeueing} says.
 */
final class ItemCalls<I, R> implements Work<Input<I>, R> {

    private final BiFunction<? super I, CallOptions, Mono<R>> call;
    private final Predicate<Throwable> notRunning;
    private final CallOptions callOptions;
    private final Requeueing requeueing;
    private final ProgressTracker progress;
    private final LongSupplier nanoClock;

    ItemCalls(BiFunction<? super I, CallOptions, Mono<R>> call, Predicate<Throwable> notRunning,
              RetryPolicy retryPolicy, Requeueing requeueing, ProgressTracker progress, LongSupplier nanoClock) {
        this.call = call;
        this.notRunning = notRunning;
        // "not running" is an answer, never worth a retry, whatever the policy says; after throttling the input waits
        // in the run's line (Requeueing), not in a retry's backoff that would hold its slot
        this.callOptions = CallOptions.defaults().withRetryPolicy(retryPolicy.toBuilder()
            .retryOn(error -> !notRunning.test(error) && !RetryPolicy.isThrottling(error)
                && retryPolicy.isRetryable(error)).build());
        this.requeueing = requeueing;
        this.progress = progress;
        this.nanoClock = nanoClock;
    }

    @Override
    public Disposable start(Input<I> input, Slot<Input<I>, R> slot) {
        ItemCall item = new ItemCall(input, slot);
        item.begin();
        return item;
    }

    /** One input's call: exactly one report, whatever the Mono does; none once aborted. */
    private final class ItemCall extends BaseSubscriber<R> implements AttemptObserver {
        private final Input<I> input;
        private final Slot<Input<I>, R> slot;
        private final long startNanos = nanoClock.getAsLong();
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicBoolean ended = new AtomicBoolean();

        ItemCall(Input<I> input, Slot<Input<I>, R> slot) {
            this.input = input;
            this.slot = slot;
        }

        void begin() {
            progress.callStarted();
            Mono<R> mono;
            try {
                mono = Objects.requireNonNull(call.apply(input.value(), callOptions.withAttemptObserver(this)),
                    "the call returned null");
            } catch (RuntimeException e) {
                mono = Mono.error(e); // e.g. a record refusing a blank id: this input's outcome, not the run's
            }
            mono.subscribe(this);
        }

        @Override
        public void onAttempt(boolean throttled, long latencyNanos) {
            attempts.incrementAndGet();
            if (throttled) {
                progress.throttled();
            }
            slot.attempt(throttled, latencyNanos);
        }

        @Override
        protected void hookOnNext(R response) {
            finish(CancelOutcome.Status.CANCELLED, response, null);
        }

        @Override
        protected void hookOnComplete() {
            if (!ended.get()) { // the usual completion follows an answer: no exception to build for it
                finish(CancelOutcome.Status.FAILED, null, new IllegalStateException("the call ended without an answer"));
            }
        }

        @Override
        protected void hookOnError(Throwable error) {
            if (FatalErrors.isFatal(error)) {
                if (end()) {
                    slot.fatal(error);
                }
                return;
            }
            finish(notRunning.test(error) ? CancelOutcome.Status.NOT_RUNNING : CancelOutcome.Status.FAILED, null, error);
        }

        @Override
        protected void hookOnCancel() {
            end(); // aborted by the run: nothing to report
        }

        /** Marks the call over, once: the tracker's count of calls under way drops before the engine hears of it. */
        private boolean end() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            progress.callEnded();
            return true;
        }

        private void finish(CancelOutcome.Status status, R response, Throwable error) {
            if (!end()) {
                return;
            }
            int made = error instanceof QuerystopException q && q.attempts() > 0 ? q.attempts()
                : Math.max(attempts.get(), error instanceof IllegalArgumentException ? 0 : 1);
            long now = nanoClock.getAsLong();
            CancelOutcome<R> outcome = new CancelOutcome<>(input.index(), input.id(), status, response, error,
                input.priorAttempts() + made, Duration.ofNanos(now - input.firstStartOr(startNanos)));
            Input<I> again = requeueing.again(input, outcome, startNanos);
            if (again != null) {
                slot.requeue(again, outcome, requeueing.delayNanos(again));
            } else {
                slot.outcome(outcome);
            }
        }
    }
}
