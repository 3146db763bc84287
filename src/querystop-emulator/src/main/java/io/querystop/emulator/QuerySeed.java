package io.querystop.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A Gremlin or openCypher query to put on an emulated instance with {@link Emulator#addQuery(QuerySeed)}. Immutable;
 * the {@code with...}-style methods return copies.
 *
 * <pre>{@code
 * emulator.addQuery(QuerySeed.gremlin("q-1", "g.V().out().count()"));                     // submitted now
 * emulator.addQuery(QuerySeed.gremlin("q-2", "g.V()").running(Duration.ofSeconds(3), Duration.ofMinutes(12)));
 * emulator.addQuery(QuerySeed.openCypher("q-3", "MATCH (n) RETURN n").waiting(Duration.ofSeconds(40)));
 * emulator.addQuery(QuerySeed.gremlin("q-4", "g.V().limit(1)").finishesAfter(Duration.ofMillis(200)));
 * }</pre>
 *
 * <p>A seed is placed one of three ways: <b>submitted</b> (the default) enters the instance's queue now and runs at
 * once if fewer than {@link Emulator.Builder#maxRunningQueries(int)} queries run, else waits, and is refused with
 * {@link QueueFullException} when the queue is full; {@link #running(Duration, Duration)} puts it among the running
 * queries as if it had waited and run that long (whatever the number running); {@link #waiting(Duration)} puts it in
 * the queue as if it had waited that long (the queue cap applies). A waiting query starts when a running one on the
 * same instance ends (finishes or its cancellation takes effect), oldest first.
 */
public final class QuerySeed {

    enum Placement { SUBMITTED, RUNNING, WAITING }

    private final QueryLanguage language;
    private final String id;
    private final String queryString;
    private final Placement placement;
    private final Duration waited;
    private final Duration elapsed;
    private final Duration runTime;
    private final Object subqueries;

    private QuerySeed(QueryLanguage language, String id, String queryString, Placement placement, Duration waited,
                      Duration elapsed, Duration runTime, Object subqueries) {
        this.language = Objects.requireNonNull(language, "language");
        this.id = Objects.requireNonNull(id, "id");
        this.queryString = Objects.requireNonNull(queryString, "queryString");
        this.placement = placement;
        this.waited = requireNotNegative(waited, "waited");
        this.elapsed = requireNotNegative(elapsed, "elapsed");
        this.runTime = runTime == null ? null : requireNotNegative(runTime, "runTime");
        this.subqueries = subqueries;
    }

    /** A query in this language, submitted now, running until cancelled. */
    public static QuerySeed of(QueryLanguage language, String id, String queryString) {
        return new QuerySeed(language, id, queryString, Placement.SUBMITTED, Duration.ZERO, Duration.ZERO, null,
            null);
    }

    /** A Gremlin query, submitted now, running until cancelled. */
    public static QuerySeed gremlin(String id, String queryString) {
        return of(QueryLanguage.GREMLIN, id, queryString);
    }

    /** An openCypher query, submitted now, running until cancelled; its status reports {@code subqueries: 0}. */
    public static QuerySeed openCypher(String id, String queryString) {
        return of(QueryLanguage.OPEN_CYPHER, id, queryString).subqueries(0);
    }

    /** Running already: it waited {@code waited} in the queue, then has run for {@code elapsed}. */
    public QuerySeed running(Duration waited, Duration elapsed) {
        return new QuerySeed(language, id, queryString, Placement.RUNNING, waited, elapsed, runTime, subqueries);
    }

    /** Waiting in the queue already, for {@code waited}. */
    public QuerySeed waiting(Duration waited) {
        return new QuerySeed(language, id, queryString, Placement.WAITING, waited, Duration.ZERO, runTime,
            subqueries);
    }

    /** Ends by itself after running this long in all (elapsed included); by default it runs until cancelled. */
    public QuerySeed finishesAfter(Duration runTime) {
        return new QuerySeed(language, id, queryString, placement, waited, elapsed,
            Objects.requireNonNull(runTime, "runTime"), subqueries);
    }

    /**
     * What its status reports as {@code queryEvalStats.subqueries}: a plain Java value (map, list, string, number,
     * boolean) or a Jackson {@code JsonNode}; {@code null} leaves the member out.
     */
    public QuerySeed subqueries(Object subqueries) {
        return new QuerySeed(language, id, queryString, placement, waited, elapsed, runTime, subqueries);
    }

    public QueryLanguage language() {
        return language;
    }

    public String id() {
        return id;
    }

    public String queryString() {
        return queryString;
    }

    Placement placement() {
        return placement;
    }

    Duration waited() {
        return waited;
    }

    Duration elapsed() {
        return elapsed;
    }

    Duration runTime() {
        return runTime;
    }

    Object subqueries() {
        return subqueries;
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
        return duration;
    }

    @Override
    public String toString() {
        return "QuerySeed[" + language + " " + id + ", " + placement + "]";
    }
}
