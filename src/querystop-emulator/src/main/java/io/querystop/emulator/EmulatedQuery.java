package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** One Gremlin or openCypher query on one instance; mutable, guarded by its {@link QueryTable}. */
final class EmulatedQuery {

    final QueryLanguage language;
    final String id;
    final String queryString;
    final JsonNode subqueries;
    final Instant enteredAt;
    final long order;
    final Duration runTime;
    Instant startedAt;
    Instant cancelledAt;
    boolean live = true;

    EmulatedQuery(QueryLanguage language, String id, String queryString, JsonNode subqueries, Instant enteredAt,
                  long order, Duration runTime) {
        this.language = language;
        this.id = id;
        this.queryString = queryString;
        this.subqueries = subqueries;
        this.enteredAt = enteredAt;
        this.order = order;
        this.runTime = runTime;
    }

    boolean waiting() {
        return startedAt == null;
    }

    /** What its status shows at {@code now}: waited and elapsed in milliseconds. */
    Snapshot snapshot(Instant now) {
        long waited = Duration.between(enteredAt, waiting() ? now : startedAt).toMillis();
        long elapsed = waiting() ? 0 : Duration.between(startedAt, now).toMillis();
        return new Snapshot(id, queryString, Math.max(0, waited), Math.max(0, elapsed), cancelledAt != null,
            subqueries);
    }

    /** A query's status at one moment. */
    record Snapshot(String id, String queryString, long waited, long elapsed, boolean cancelled,
                    JsonNode subqueries) {
    }
}
