package io.querystop.bulk;

/** Decides, as each item arrives, whether it goes in line for a call or gets its outcome at once. */
@FunctionalInterface
interface Admission<T, R> {

    /** @return {@code null} to put the item in line, or the outcome it gets instead of a call */
    CancelOutcome<R> refuse(T item);

    static <T, R> Admission<T, R> all() {
        return item -> null;
    }
}
