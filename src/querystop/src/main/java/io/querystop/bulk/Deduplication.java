package io.querystop.bulk;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Sends each distinct id once: a later copy gets a {@code DUPLICATE} outcome without a call. It decides on arrival,
 * so in input order, and an input that goes back in line after throttling is not taken for a copy of itself. Keeps
 * every id seen; used only by the drain loop.
 */
final class Deduplication<I, R> implements Admission<Input<I>, R> {

    private final Set<String> seen = new HashSet<>();

    @Override
    public CancelOutcome<R> refuse(Input<I> input) {
        String id = input.id();
        if (id == null || seen.add(id)) {
            return null;
        }
        return new CancelOutcome<>(input.index(), id, CancelOutcome.Status.DUPLICATE, null, null, 0, Duration.ZERO);
    }
}
