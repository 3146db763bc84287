package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The Gremlin and openCypher queries of one instance, running and waiting, as time passes: at most
 * {@code maxRunning} submitted queries run at once, the rest wait (up to {@code maxWaiting}); a running query that
 * finishes or whose cancellation takes effect frees its slot for the oldest waiting one. Time is read from the clock
 * at each call and the events that fell due since are played in order, so a manual clock makes it deterministic.
 */
final class QueryTable {

    /** Something due at a time: a query finishing by itself, or its cancellation taking effect. */
    private record Event(Instant at, long order, EmulatedQuery query, String end) {
    }

    private static final Comparator<EmulatedQuery> QUEUE_ORDER = Comparator
        .comparing((EmulatedQuery query) -> query.enteredAt).thenComparingLong(query -> query.order);

    private final Clock clock;
    private final Duration cancellationDelay;
    private final int maxRunning;
    private final int maxWaiting;
    private final Map<QueryLanguage, Map<String, EmulatedQuery>> live = new EnumMap<>(QueryLanguage.class);
    /** How queries no longer listed ended, for {@link Emulator#state}: CANCELLED or FINISHED. */
    private final Map<QueryLanguage, Map<String, String>> ended = new EnumMap<>(QueryLanguage.class);
    private final PriorityQueue<EmulatedQuery> queue = new PriorityQueue<>(QUEUE_ORDER);
    private final PriorityQueue<Event> events = new PriorityQueue<>(
        Comparator.comparing(Event::at).thenComparingLong(Event::order));
    private long order;
    private int running;
    private int waiting;

    QueryTable(Clock clock, Duration cancellationDelay, int maxRunning, int maxWaiting) {
        this.clock = clock;
        this.cancellationDelay = cancellationDelay;
        this.maxRunning = maxRunning;
        this.maxWaiting = maxWaiting;
        for (QueryLanguage language : QueryLanguage.values()) {
            live.put(language, new LinkedHashMap<>());
            ended.put(language, new HashMap<>());
        }
    }

    synchronized void add(QuerySeed seed, JsonNode subqueries) {
        Instant now = settle();
        EmulatedQuery previous = live.get(seed.language()).get(seed.id());
        if (previous != null) {
            remove(previous, now, null);
        }
        Instant enteredAt = now.minus(seed.waited()).minus(seed.elapsed());
        boolean runs = switch (seed.placement()) {
            case RUNNING -> true;
            case WAITING -> false;
            case SUBMITTED -> running < maxRunning && waiting == 0;
        };
        if (!runs && waiting >= maxWaiting) {
            throw new QueueFullException(maxWaiting);
        }
        EmulatedQuery query = new EmulatedQuery(seed.language(), seed.id(), seed.queryString(), subqueries,
            enteredAt, order++, seed.runTime());
        live.get(seed.language()).put(seed.id(), query);
        ended.get(seed.language()).remove(seed.id());
        if (runs) {
            start(query, now.minus(seed.elapsed()));
        } else {
            queue.add(query);
            waiting++;
        }
    }

    /** The listed queries of a language, running ones only or waiting ones too, with the two counts. */
    synchronized Listing list(QueryLanguage language, boolean includeWaiting) {
        Instant now = settle();
        List<EmulatedQuery.Snapshot> queries = new ArrayList<>();
        int languageRunning = 0;
        int languageAccepted = 0;
        for (EmulatedQuery query : live.get(language).values()) {
            languageAccepted++;
            if (!query.waiting()) {
                languageRunning++;
            }
            if (includeWaiting || !query.waiting()) {
                queries.add(query.snapshot(now));
            }
        }
        return new Listing(languageAccepted, languageRunning, queries);
    }

    /** A query's status, or {@code null} when it is not on this instance (never was, finished, cancelled). */
    synchronized EmulatedQuery.Snapshot status(QueryLanguage language, String id) {
        Instant now = settle();
        EmulatedQuery query = live.get(language).get(id);
        return query == null ? null : query.snapshot(now);
    }

    /**
     * Cancels a listed query: it stays listed with {@code cancelled: true} for the cancellation delay, then is gone.
     * Cancelling it again meanwhile succeeds again without moving the end.
     *
     * @return false when the query is not on this instance
     */
    synchronized boolean cancel(QueryLanguage language, String id) {
        Instant now = settle();
        EmulatedQuery query = live.get(language).get(id);
        if (query == null) {
            return false;
        }
        if (query.cancelledAt == null) {
            query.cancelledAt = now;
            events.add(new Event(now.plus(cancellationDelay), order++, query, "CANCELLED"));
            settle();
        }
        return true;
    }

    /** RUNNING, WAITING, CANCELLED (listed or gone), FINISHED, or {@code null} for an id never seen. */
    synchronized String state(QueryLanguage language, String id) {
        settle();
        EmulatedQuery query = live.get(language).get(id);
        if (query == null) {
            return ended.get(language).get(id);
        }
        return query.cancelledAt != null ? "CANCELLED" : query.waiting() ? "WAITING" : "RUNNING";
    }

    synchronized void clear() {
        live.values().forEach(Map::clear);
        ended.values().forEach(Map::clear);
        queue.clear();
        events.clear();
        running = 0;
        waiting = 0;
    }

    /** Plays the events due by now, in time order; returns now. */
    private Instant settle() {
        Instant now = clock.instant();
        while (!events.isEmpty() && !events.peek().at().isAfter(now)) {
            Event event = events.poll();
            if (event.query().live) {
                remove(event.query(), event.at(), event.end());
            }
        }
        return now;
    }

    private void start(EmulatedQuery query, Instant at) {
        query.startedAt = at;
        running++;
        if (query.runTime != null) {
            events.add(new Event(at.plus(query.runTime), order++, query, "FINISHED"));
        }
    }

    /** Ends a live query at {@code at}; a running one's slot goes to the oldest waiting query. */
    private void remove(EmulatedQuery query, Instant at, String end) {
        query.live = false;
        live.get(query.language).remove(query.id);
        if (end != null) {
            ended.get(query.language).put(query.id, end);
        }
        if (query.waiting()) {
            waiting--; // stays in the queue, skipped when its turn comes
            return;
        }
        running--;
        while (running < maxRunning && !queue.isEmpty()) {
            EmulatedQuery next = queue.poll();
            if (next.live) {
                waiting--;
                start(next, next.enteredAt.isAfter(at) ? next.enteredAt : at);
            }
        }
    }

    /** A listing: {@code acceptedQueryCount} counts running and waiting queries of the language. */
    record Listing(int acceptedQueryCount, int runningQueryCount, List<EmulatedQuery.Snapshot> queries) {
    }
}
