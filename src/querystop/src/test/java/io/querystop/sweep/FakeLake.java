package io.querystop.sweep;

import io.querystop.CallOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An in-memory {@link CloudTrailLake}: stores hold queries created at times on the service's clock, which runs
 * {@link #skewMillis} ahead of Reactor's (virtual) clock; listings come in pages of {@link #pageSize}; a cancelled
 * query reads {@code CANCELLED} after {@link #describesUntilCancelled} more describes.
 */
final class FakeLake implements CloudTrailLake {

    static final class Inactive extends RuntimeException {
        Inactive(String id) {
            super("query " + id + " is not queued or running");
        }
    }

    private static final class Query {
        final String id;
        final String store;
        final String text;
        final Instant created;
        volatile String status;
        volatile int describesLeft = -1;

        Query(String id, String store, String text, Instant created, String status) {
            this.id = id;
            this.store = store;
            this.text = text;
            this.created = created;
            this.status = status;
        }
    }

    private final Map<String, Query> queries = new LinkedHashMap<>();
    private final List<String> stores = new ArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> cancels = new CopyOnWriteArrayList<>();
    volatile Long skewMillis = 0L; // null: the answers do not say what time it is
    volatile int pageSize = 2;
    volatile int describesUntilCancelled = 0;
    volatile String finishesBeforeCancel;

    static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }

    FakeLake store(String arn) {
        stores.add(arn);
        return this;
    }

    /** A query created {@code ageSeconds} ago on the service's clock. */
    FakeLake query(String store, String id, String status, long ageSeconds, String text) {
        long serverNow = skewMillis == null ? 0 : skewMillis; // the tests run from virtual time 0
        queries.put(id, new Query(id, store, text, Instant.ofEpochMilli(serverNow - ageSeconds * 1000), status));
        return this;
    }

    private Instant serverTime() {
        return skewMillis == null ? null : Instant.ofEpochMilli(now() + skewMillis);
    }

    private static <T> Page<T> page(List<T> all, String token, int size, Instant serverTime) {
        int from = token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? "page-" + to : null, serverTime);
    }

    @Override
    public String endpoint() {
        return "cloudtrail";
    }

    @Override
    public Mono<Page<String>> listEventDataStores(String nextToken) {
        return Mono.fromCallable(() -> {
            requests.add("ListEventDataStores " + nextToken);
            return page(stores, nextToken, 1, serverTime());
        });
    }

    @Override
    public Mono<Page<TrailQuery>> listQueries(String eventDataStore, String queryStatus, String nextToken) {
        return Mono.fromCallable(() -> {
            requests.add("ListQueries " + eventDataStore + " " + queryStatus + " " + nextToken);
            List<TrailQuery> all = queries.values().stream()
                .filter(q -> q.store.equals(eventDataStore) && q.status.equals(queryStatus))
                .map(q -> new TrailQuery(q.id, q.status, q.created)).toList();
            return page(all, nextToken, pageSize, serverTime());
        });
    }

    @Override
    public Mono<TrailQueryDetails> describeQuery(String eventDataStore, String queryId) {
        return Mono.fromCallable(() -> {
            Query query = queries.get(queryId);
            if (query.describesLeft == 0) {
                query.status = "CANCELLED";
            } else if (query.describesLeft > 0) {
                query.describesLeft--;
            }
            return new TrailQueryDetails(query.id, query.text, query.status, Map.of("BytesScanned", 1_000L));
        });
    }

    @Override
    public Mono<?> cancelQuery(String eventDataStore, String queryId, CallOptions options) {
        return Mono.defer(() -> {
            cancels.add(queryId);
            Query query = queries.get(queryId);
            if (queryId.equals(finishesBeforeCancel)) {
                query.status = "FINISHED";
            }
            if (!query.status.equals("QUEUED") && !query.status.equals("RUNNING")) {
                return Mono.error(new Inactive(queryId));
            }
            query.describesLeft = describesUntilCancelled;
            return Mono.just("CANCELLED");
        });
    }

    @Override
    public boolean isNotRunning(Throwable error) {
        return error instanceof Inactive;
    }
}
