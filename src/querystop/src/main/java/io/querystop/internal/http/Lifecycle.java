package io.querystop.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The lifecycle of one client: counts the calls in flight, refuses new ones once closing starts, lets those in flight
 * finish within a grace period, then fails what is left and releases what the client owns, exactly once.
 */
public final class Lifecycle {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter counter = new Counter();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final AtomicBoolean releaseStarted = new AtomicBoolean();
    private final CallDeadlines deadlines;
    private final Supplier<Mono<Void>> release;
    private volatile boolean closing;
    private volatile boolean cutShort;

    /**
     * @param deadlines the client's deadlines: failing them ends the calls still in flight when the grace is over
     * @param release   releases what the client owns (pool, credentials provider, resources), in that order
     */
    public Lifecycle(CallDeadlines deadlines, Supplier<Mono<Void>> release) {
        this.deadlines = deadlines;
        this.release = release;
    }

    /**
     * The call, counted while it runs, from each subscription to its end; refused with {@link IllegalStateException}
     * once closing has started.
     */
    public <T> Mono<T> track(Mono<T> call) {
        return new OnEnd<>(call, counter, true);
    }

    /** Counts the calls; one for all of them, as the count is all the state a call has here. */
    private final class Counter implements OnEnd.Listener<Object> {

        @Override
        public Throwable onStart() {
            inFlight.incrementAndGet();
            if (closing) {
                callEnded();
                return new IllegalStateException("the client is closed");
            }
            return null;
        }

        @Override
        public void onValue(Object value) {
            callEnded();
        }

        @Override
        public void onError(Throwable error) {
            callEnded();
        }

        @Override
        public void onCancel() {
            callEnded();
        }
    }

    private void callEnded() {
        if (inFlight.decrementAndGet() == 0 && closing) {
            drained.complete(null);
        }
    }

    /**
     * Closes: refuses new calls at once, waits up to {@code grace} for the calls in flight, fails those still running
     * and releases; completes when everything is released. Cold; closing starts at the first subscription.
     */
    public Mono<Void> close(Duration grace) {
        return Mono.defer(() -> {
            startClosing();
            Mono<Void> calls = grace.isZero() ? Mono.empty() : Mono.fromFuture(drained, true)
                .timeout(grace)
                .onErrorResume(TimeoutException.class, stillRunning -> Mono.empty());
            return calls.then(Mono.defer(() -> {
                startRelease();
                return Mono.fromFuture(released, true);
            }));
        });
    }

    /**
     * Closes as {@link #close(Duration)} with {@code timeout} as the grace, and waits for it, all within
     * {@code timeout}. On a thread that must not block (an event loop), only starts closing.
     *
     * @return whether every call in flight ended by itself and everything was released within {@code timeout}
     */
    public boolean closeAndWait(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        close(timeout).subscribe(null, error -> { });
        if (Schedulers.isInNonBlockingThread()) {
            return false;
        }
        try {
            released.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return !cutShort;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isClosing() {
        return closing;
    }

    private void startClosing() {
        closing = true;
        if (inFlight.get() == 0) {
            drained.complete(null);
        }
    }

    private void startRelease() {
        if (!releaseStarted.compareAndSet(false, true)) {
            return;
        }
        if (inFlight.get() > 0) {
            cutShort = true;
            deadlines.failAll(() -> new IllegalStateException("the client was closed while the call was in flight"));
        }
        try {
            release.get().subscribe(null, released::completeExceptionally, () -> released.complete(null));
        } catch (RuntimeException e) {
            // e.g. event loops the caller gave and has already shut down: closing must still end, never throw
            released.completeExceptionally(e);
        }
    }
}
