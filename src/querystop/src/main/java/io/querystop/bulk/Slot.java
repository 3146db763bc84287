package io.querystop.bulk;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.Disposable;

/**
 * The slot a started item holds until its outcome is delivered, and the item's one way to tell the engine what became
 * of it. Each report only posts an event for the run's drain loop, so it may come from any thread; the first of
 * {@link #outcome}, {@link #requeue} and {@link #fatal} ends the slot's reporting and later ones are ignored.
 */
final class Slot<T, R> {

    private final Consumer<Event<T, R>> events;
    private final AtomicBoolean ended = new AtomicBoolean();
    private Disposable work; // set and disposed only by the drain loop

    Slot(Consumer<Event<T, R>> events) {
        this.events = events;
    }

    /** One attempt of the item's call ended; the in-flight limit learns from it. */
    void attempt(boolean throttled, long latencyNanos) {
        if (!ended.get()) {
            events.accept(new Event.Attempt<>(throttled, latencyNanos));
        }
    }

    /** The item's outcome. */
    void outcome(CancelOutcome<R> outcome) {
        if (ended.compareAndSet(false, true)) {
            events.accept(new Event.Finished<>(this, outcome));
        }
    }

    /**
     * The item goes back in line as {@code again}, to start no sooner than {@code delayNanos} from now, waiting without
     * its slot; if the run is ending and it cannot, its outcome is {@code otherwise}.
     */
    void requeue(T again, CancelOutcome<R> otherwise, long delayNanos) {
        if (ended.compareAndSet(false, true)) {
            events.accept(new Event.Requeued<>(this, again, otherwise, delayNanos));
        }
    }

    /** An error of the client itself: the run ends after the calls in flight, with this error. */
    void fatal(Throwable error) {
        if (ended.compareAndSet(false, true)) {
            events.accept(new Event.Fatal<>(this, error));
        }
    }

    void holds(Disposable work) {
        this.work = work;
    }

    void abort() {
        Disposable started = work;
        if (started != null) { // null only if starting the work threw, which ends the run
            started.dispose();
        }
    }
}
