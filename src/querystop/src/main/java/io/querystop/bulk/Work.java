package io.querystop.bulk;

import reactor.core.Disposable;

/** What the engine runs for one item in a free slot. */
@FunctionalInterface
interface Work<T, R> {

    /**
     * Starts the item's work. It must report through the slot exactly once (outcome, requeue or fatal) unless the
     * returned handle is disposed first, which aborts it.
     */
    Disposable start(T item, Slot<T, R> slot);
}
