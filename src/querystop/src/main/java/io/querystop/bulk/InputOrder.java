package io.querystop.bulk;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Delivers outcomes in input order: an outcome waits until those of all earlier inputs have gone. It never waits for
 * an input that has not arrived, since inputs arrive in index order and every input that arrived gets an outcome,
 * unless the run ends with a client error, after which {@link #closeGaps} lets the rest go in order.
 */
final class InputOrder<R> implements OutcomeBuffer<R> {

    private final PriorityQueue<CancelOutcome<R>> outcomes =
        new PriorityQueue<>(Comparator.comparingLong(CancelOutcome::index));
    private long next;
    private boolean gapsClosed;

    @Override
    public void offer(CancelOutcome<R> outcome) {
        outcomes.offer(outcome);
    }

    @Override
    public CancelOutcome<R> poll() {
        CancelOutcome<R> head = outcomes.peek();
        if (head == null || (head.index() != next && !gapsClosed)) {
            return null;
        }
        next = head.index() + 1;
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

    @Override
    public void closeGaps() {
        gapsClosed = true;
    }
}
