package io.querystop.bulk;

import java.util.function.Function;

/**
 * One input as the engine carries it: its position, its value, the id its outcome will carry, and what earlier rounds
 * made of it when it went back in line after throttling.
 *
 * @param index           position in the input stream, from 0
 * @param value           the caller's input
 * @param id              the id for the outcome and for de-duplication; {@code null} when {@code idOf} failed
 * @param requeues        how many times it went back in line
 * @param priorAttempts   attempts made in earlier rounds
 * @param firstStartNanos when its first round started; meaningful only once requeued
 */
record Input<I>(long index, I value, String id, int requeues, int priorAttempts, long firstStartNanos) {

    static <I> Input<I> of(long index, I value, Function<? super I, String> idOf) {
        String id;
        try {
            id = idOf.apply(value);
        } catch (RuntimeException e) {
            id = null; // e.g. a record that cannot name its id: the call will fail, as this input's outcome
        }
        return new Input<>(index, value, id, 0, 0, 0);
    }

    /** This input back in line after a round that started at {@code startNanos} and made the attempts given. */
    Input<I> requeued(int attemptsSoFar, long startNanos) {
        return new Input<>(index, value, id, requeues + 1, attemptsSoFar, firstStartOr(startNanos));
    }

    /** When its first round started, this round's start if this is the first. */
    long firstStartOr(long startNanos) {
        return requeues == 0 ? startNanos : firstStartNanos;
    }
}
