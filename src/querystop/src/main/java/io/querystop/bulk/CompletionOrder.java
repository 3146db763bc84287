package io.querystop.bulk;

import java.util.ArrayDeque;

/** Delivers outcomes in the order they were decided. */
final class CompletionOrder<R> implements OutcomeBuffer<R> {

    private final ArrayDeque<CancelOutcome<R>> outcomes = new ArrayDeque<>();

    @Override
    public void offer(CancelOutcome<R> outcome) {
        outcomes.offer(outcome);
    }

    @Override
    public CancelOutcome<R> poll() {
        return outcomes.poll();
    }

    @Override
    public int size() {
        return outcomes.size();
    }

    @Override
    public void clear() {
        outcomes.clear();
    }
}
