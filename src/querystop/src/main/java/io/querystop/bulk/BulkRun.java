package io.querystop.bulk;

import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * One subscription to the {@link BulkEngine}: the subscriber of the inputs and the subscription of the outcomes.
 *
 * <p>One drain loop owns the run's state. Everything that happens elsewhere (an upstream signal, a call's attempt or
 * end, the pacer's timer) is posted as an {@link Event} into a multi-producer queue, and only the loop applies events;
 * the subscriber's demand and cancellation are the usual atomic counter and flag that the loop reads.
 * The in-flight limit bounds the items at work (on the wire); items waiting out a throttling backoff wait in the
 * {@link Line} without a slot, and while too many wait no new item is pulled.
 */
final class BulkRun<T, R> implements CoreSubscriber<T>, Subscription {

    private final CoreSubscriber<? super CancelOutcome<R>> actual;
    private final Admission<T, R> admission;
    private final OutcomeBuffer<R> outcomes;
    private final Pacer pacer;
    private final AdaptiveLimit limit;
    private final Work<T, R> work;
    private final ProgressTracker progress;
    private final Line<T, R> line;
    private final Queue<Event<T, R>> events = Queues.<Event<T, R>>unboundedMultiproducer().get();
    private final Consumer<Event<T, R>> post = this::post;
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong requested = new AtomicLong();
    private volatile boolean cancelled;

    // Below: the drain loop's alone.
    private final Set<Slot<T, R>> atWork = new HashSet<>();
    private Subscription upstream;
    private long outstanding;
    private boolean upstreamDone;
    private Throwable upstreamError;
    private Throwable fatal;
    private boolean terminated;

    BulkRun(CoreSubscriber<? super CancelOutcome<R>> actual, Policies<T, R> policies) {
        this.actual = actual;
        this.admission = policies.admission();
        this.outcomes = policies.outcomes();
        this.pacer = policies.pacer();
        this.limit = policies.limit();
        this.work = policies.work();
        this.progress = policies.progress();
        this.line = policies.line();
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
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
    public void onNext(T item) {
        post(new Event.Arrived<>(item));
    }

    @Override
    public void onError(Throwable error) {
        post(new Event.UpstreamEnded<>(error));
    }

    @Override
    public void onComplete() {
        post(new Event.UpstreamEnded<>(null));
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            requested.getAndUpdate(now -> Operators.addCap(now, n));
            drain();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        drain();
    }

    private void post(Event<T, R> event) {
        events.offer(event);
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (cancelled && !terminated) {
                terminated = true;
                stop();
            }
            if (terminated) {
                events.clear();
                line.clear();
                outcomes.clear();
            } else {
                try {
                    step();
                } catch (Throwable unexpected) {
                    // Escaping here would leave wip raised and the run stalled forever: end it instead.
                    Exceptions.throwIfJvmFatal(unexpected);
                    abort(unexpected);
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step() {
        for (Event<T, R> event = events.poll(); event != null; event = events.poll()) {
            apply(event);
        }
        if (fatal != null && atWork.isEmpty()) {
            outcomes.closeGaps(); // nothing more will come: the inputs dropped at the fatal error leave gaps
        }
        emit();
        if (cancelled) {
            return; // the subscriber cancelled in onNext: start and pull nothing more
        }
        startWaiting();
        pull();
        terminateIfDone();
    }

    private void apply(Event<T, R> event) {
        if (event instanceof Event.Arrived<T, R> arrived) {
            outstanding--;
            progress.requested();
            if (fatal == null) {
                CancelOutcome<R> refused = admission.refuse(arrived.item());
                if (refused != null) {
                    decided(refused);
                } else {
                    line.offer(arrived);
                }
            }
        } else if (event instanceof Event.Attempt<T, R> attempt) {
            limit.onAttempt(attempt.throttled(), attempt.latencyNanos());
            progress.limit(limit.current());
        } else if (event instanceof Event.Finished<T, R> finished) {
            atWork.remove(finished.slot());
            decided(finished.outcome());
        } else if (event instanceof Event.Requeued<T, R> requeued) {
            atWork.remove(requeued.slot());
            if (fatal == null) {
                line.offerAfter(requeued, requeued.delayNanos());
            } else {
                decided(requeued.otherwise());
            }
        } else if (event instanceof Event.Fatal<T, R> failure) {
            atWork.remove(failure.slot());
            if (fatal == null) {
                fatal = failure.error();
                upstream.cancel();
                // items that never started are dropped; those that went back in line were sent: they get outcomes
                line.drain(queued -> {
                    if (queued.otherwise() != null) {
                        decided(queued.otherwise());
                    }
                });
            }
        } else if (event instanceof Event.UpstreamEnded<T, R> ended) {
            upstreamDone = true;
            upstreamError = ended.error();
        } else if (event instanceof Event.Wake<T, R>) {
            pacer.woke();
        } else if (event instanceof Event.Ready<T, R>) {
            line.woke();
        }
    }

    private void decided(CancelOutcome<R> outcome) {
        outcomes.offer(outcome);
        progress.outcome(outcome.status());
    }

    private void emit() {
        long demand = requested.get();
        long emitted = 0;
        while (emitted != demand && !cancelled) {
            CancelOutcome<R> outcome = outcomes.poll();
            if (outcome == null) {
                break;
            }
            actual.onNext(outcome);
            emitted++;
        }
        if (emitted != 0 && demand != Long.MAX_VALUE) {
            requested.addAndGet(-emitted);
        }
    }

    private void startWaiting() {
        while (fatal == null && atWork.size() < limit.current() && line.hasReady()) {
            long wait = pacer.reserve();
            if (wait > 0) {
                pacer.wakeIn(wait, () -> post(new Event.Wake<>()));
                break;
            }
            Slot<T, R> slot = new Slot<>(post);
            atWork.add(slot);
            slot.holds(work.start(line.pollReady().item(), slot));
        }
        line.wakeWhenDue(() -> post(new Event.Ready<>()));
    }

    private void pull() {
        if (upstreamDone || fatal != null || line.waitingFull()) {
            return;
        }
        long free = (long) limit.current() - atWork.size() - outcomes.size() - line.freshCount() - outstanding;
        if (free > 0) {
            outstanding += free;
            upstream.request(free);
        }
    }

    private void terminateIfDone() {
        if (!atWork.isEmpty() || !outcomes.isEmpty()) {
            return;
        }
        if (fatal != null) {
            terminate(fatal);
        } else if (upstreamDone && line.isEmpty()) {
            terminate(upstreamError);
        }
    }

    private void terminate(Throwable error) {
        terminated = true;
        pacer.stop();
        line.stop();
        if (error != null) {
            actual.onError(error);
        } else {
            actual.onComplete();
        }
    }

    /** Stops pulling inputs, aborts the work under way and the pacer's timer. */
    private void stop() {
        upstream.cancel();
        atWork.forEach(Slot::abort);
        atWork.clear();
        pacer.stop();
        line.stop();
    }

    /** The subscriber threw, or a policy did: the run ends with that error. */
    private void abort(Throwable error) {
        if (terminated) { // the subscriber's onComplete or onError threw: there is no one left to tell
            Operators.onErrorDropped(error, actual.currentContext());
            return;
        }
        terminated = true;
        stop();
        try {
            actual.onError(error);
        } catch (Throwable broken) {
            Exceptions.throwIfJvmFatal(broken);
            Operators.onErrorDropped(broken, actual.currentContext());
        }
    }

    /** For a test's failure message: read from another thread, the figures may be stale. */
    @Override
    public String toString() {
        return "Run[limit=" + limit.current() + ", atWork=" + atWork.size() + ", buffered=" + outcomes.size()
            + ", line=" + line.freshCount() + ", backoff=" + line.waitingCount() + ", outstanding=" + outstanding
            + ", requested=" + requested.get() + ", upstreamDone=" + upstreamDone + ", fatal=" + fatal
            + ", cancelled=" + cancelled + ", terminated=" + terminated + "]";
    }
}
