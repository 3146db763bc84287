package io.querystop.sweep;

import io.querystop.CallOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An in-memory {@link QueryInstance}: queries live on this instance only, a cancel of one it does not run answers
 * "not running" (as Neptune's 400), a cancelled query stays listed ({@code cancelled: true}) for {@link #stopDelay}
 * of Reactor's clock (virtual in the tests). It records every call.
 */
class FakeInstance implements QueryInstance {

    /** Neptune's 400 for a query the instance does not run. */
    static final class NotRunning extends RuntimeException {
        NotRunning(String id) {
            super("no such query: " + id);
        }
    }

    private final String endpoint;
    private final Map<String, Query> queries = new ConcurrentHashMap<>();
    final List<String> cancels = new CopyOnWriteArrayList<>();
    final AtomicInteger statusReads = new AtomicInteger();
    final AtomicInteger listings = new AtomicInteger();
    volatile Duration stopDelay = Duration.ZERO;
    volatile RuntimeException listingError;
    volatile RuntimeException cancelError;

    private static final class Query {
        final QueryLanguage language;
        final String id;
        final String text;
        final long waited;
        final long elapsed;
        final boolean waiting;
        volatile boolean cancelled;
        volatile long stopsAt = Long.MAX_VALUE;

        Query(QueryLanguage language, String id, String text, long waited, long elapsed, boolean waiting,
              boolean cancelled) {
            this.language = language;
            this.id = id;
            this.text = text;
            this.waited = waited;
            this.elapsed = elapsed;
            this.waiting = waiting;
            this.cancelled = cancelled;
        }
    }

    FakeInstance(String endpoint) {
        this.endpoint = endpoint;
    }

    FakeInstance running(QueryLanguage language, String id, long waited, long elapsed) {
        return add(language, id, "g.V().count()", waited, elapsed, false, false);
    }

    FakeInstance add(QueryLanguage language, String id, String text, long waited, long elapsed, boolean waiting,
                     boolean cancelled) {
        queries.put(id, new Query(language, id, text, waited, elapsed, waiting, cancelled));
        return this;
    }

    /** A query stops by itself (finishes) now. */
    void finish(String id) {
        queries.remove(id);
    }

    private static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }

    private Query live(QueryLanguage language, String id) {
        Query query = queries.get(id);
        if (query == null || query.language != language) {
            return null;
        }
        if (query.stopsAt <= now()) {
            queries.remove(id);
            return null;
        }
        return query;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public Mono<List<ListedQuery>> listQueries(QueryLanguage language, boolean includeWaiting) {
        listings.incrementAndGet();
        if (listingError != null) {
            return Mono.error(listingError);
        }
        List<ListedQuery> listed = new ArrayList<>();
        for (String id : queries.keySet()) {
            Query query = live(language, id);
            if (query != null && (includeWaiting || !query.waiting)) {
                listed.add(new ListedQuery(query.id, query.text, query.waited, query.elapsed, query.cancelled));
            }
        }
        return Mono.just(listed);
    }

    @Override
    public Mono<?> cancelQuery(QueryLanguage language, String queryId, CallOptions options) {
        return Mono.defer(() -> {
            cancels.add(language.label() + ":" + queryId);
            if (cancelError != null) {
                return Mono.error(cancelError);
            }
            Query query = live(language, queryId);
            if (query == null) {
                return Mono.error(new NotRunning(queryId));
            }
            query.cancelled = true;
            query.stopsAt = stopDelay.compareTo(Duration.ofDays(1)) > 0 ? Long.MAX_VALUE : now() + stopDelay.toMillis();
            return Mono.just("200 OK");
        });
    }

    @Override
    public Mono<ListedQuery> queryStatus(QueryLanguage language, String queryId) {
        return Mono.defer(() -> {
            statusReads.incrementAndGet();
            Query query = live(language, queryId);
            return query == null ? Mono.error(new NotRunning(queryId))
                : Mono.just(new ListedQuery(query.id, query.text, query.waited, query.elapsed, query.cancelled));
        });
    }

    @Override
    public boolean isNotRunning(Throwable error) {
        return error instanceof NotRunning;
    }
}
