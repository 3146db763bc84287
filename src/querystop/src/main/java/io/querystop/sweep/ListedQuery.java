package io.querystop.sweep;

/**
 * One query as a Neptune instance lists it.
 *
 * @param queryId       its id
 * @param queryString   its text as listed (Neptune truncates it to 1,024 characters), or {@code null}
 * @param waitedMillis  time spent in the queue
 * @param elapsedMillis time spent running so far
 * @param cancelled     whether it was cancelled already (cancellation is asynchronous)
 */
public record ListedQuery(String queryId, String queryString, long waitedMillis, long elapsedMillis,
                          boolean cancelled) {

    /** Its age for the query timeout: {@code waited + elapsed}, since the clock starts when it enters the queue. */
    public long ageMillis() {
        return waitedMillis + elapsedMillis;
    }
}
