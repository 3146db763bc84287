package io.querystop.bulk;

/**
 * What one run of the engine is made of, built afresh for each subscription since most of it keeps state.
 *
 * @param admission which arriving items get an outcome without a call (de-duplication)
 * @param outcomes  the order in which outcomes are delivered
 * @param pacer     how fast calls may start
 * @param limit     how many items may hold a slot
 * @param work      what runs in a slot
 * @param progress  the live figures to update
 * @param line      the items waiting to start, fresh or back from throttling
 */
record Policies<T, R>(Admission<T, R> admission, OutcomeBuffer<R> outcomes, Pacer pacer, AdaptiveLimit limit,
                      Work<T, R> work, ProgressTracker progress, Line<T, R> line) {
}
