package io.querystop.bulk;

/**
 * A change of a run's state. Whichever thread it happens on posts it into the run's queue; only the drain loop applies
 * it, so the run's state has one writer.
 */
sealed interface Event<T, R> {

    /** An item waiting in line to start: fresh from upstream, or back after throttling. */
    sealed interface Queued<T, R> {
        T item();

        /** The outcome it gets if the run ends before it starts again; {@code null} for a fresh item. */
        CancelOutcome<R> otherwise();
    }

    /** The upstream delivered an item. */
    record Arrived<T, R>(T item) implements Event<T, R>, Queued<T, R> {
        @Override
        public CancelOutcome<R> otherwise() {
            return null;
        }
    }

    /** The upstream ended; {@code error} is {@code null} when it completed. */
    record UpstreamEnded<T, R>(Throwable error) implements Event<T, R> {
    }

    /** One attempt of a call ended. */
    record Attempt<T, R>(boolean throttled, long latencyNanos) implements Event<T, R> {
    }

    /** A started item ended with its outcome. */
    record Finished<T, R>(Slot<T, R> slot, CancelOutcome<R> outcome) implements Event<T, R> {
    }

    /** A started item goes back in line, to start again no sooner than {@code delayNanos} from now. */
    record Requeued<T, R>(Slot<T, R> slot, T item, CancelOutcome<R> otherwise, long delayNanos)
        implements Event<T, R>, Queued<T, R> {
    }

    /** A started item met an error of the client itself. */
    record Fatal<T, R>(Slot<T, R> slot, Throwable error) implements Event<T, R> {
    }

    /** The pacer's timer: a start may be due. */
    record Wake<T, R>() implements Event<T, R> {
    }

    /** The line's timer: an item back from throttling may start again. */
    record Ready<T, R>() implements Event<T, R> {
    }
}
