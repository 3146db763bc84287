package io.querystop.neptunedata;

/**
 * A query's evaluation figures ({@code QueryEvalStats}). Every member is {@code null} when the service left it out.
 * A query's age for Neptune's query timeout is {@code waited + elapsed}: the clock starts when it enters the queue.
 *
 * @param waited     milliseconds the query waited in the queue
 * @param elapsed    milliseconds it has run so far
 * @param cancelled  whether it was cancelled (a cancelled query may stay listed for a while)
 * @param subqueries whatever JSON the service sent (a Smithy document), as plain Java values: {@code Map<String,
 *                   Object>}, {@code List<Object>}, {@code String}, {@code Long} (or {@code BigInteger}),
 *                   {@code Double} (or {@code BigDecimal}), {@code Boolean}; maps and lists as decoded are immutable
 */
public record QueryEvalStats(Integer waited, Integer elapsed, Boolean cancelled, Object subqueries) {

    /** The query's age for the timeout: {@code waited + elapsed} in milliseconds, an absent member counting 0. */
    public long ageMillis() {
        return (waited == null ? 0L : waited) + (elapsed == null ? 0L : elapsed);
    }
}
