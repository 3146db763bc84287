package io.querystop.bulk;

/**
 * Outcomes waiting for the subscriber's demand, each holding a slot until delivered. The implementation decides the
 * order of delivery. Used only by the drain loop.
 */
interface OutcomeBuffer<R> {

    void offer(CancelOutcome<R> outcome);

    /** The next outcome to deliver, or {@code null} when none may go yet. */
    CancelOutcome<R> poll();

    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    void clear();

    /** No outcome will come for the inputs still missing (the run is ending): deliver the rest without them. */
    default void closeGaps() {
    }
}
