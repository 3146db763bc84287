package io.querystop.sweep;

import io.querystop.CallOptions;
import io.querystop.InvalidInputException;
import io.querystop.bulk.BulkOptions;
import io.querystop.cloudtrail.CloudTrailClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the CloudTrail Lake queries that hold a slot too long (an account has ten, queued and running together, and
 * pays for the bytes each scans), cancels and confirms them.
 *
 * <pre>{@code
 * CloudTrailSweep.over(lake, List.of())   // every event data store of the account
 *     .run(Selection.defaults().withMinimumAge(Duration.ofMinutes(30)), Mode.cancelAndConfirm())
 *     .subscribe(System.out::println);
 * }</pre>
 *
 * <p>A pass lists, for each event data store (those given, or every one {@code ListEventDataStores} pages through),
 * the {@code QUEUED} and {@code RUNNING} queries, page after page. A query's age runs from its {@code CreationTime} to
 * the time of the answer that listed it, read from the answer itself ({@link Page#serverTime}) so that a skewed local
 * clock does not change it; when the answer does not say, to this process's clock. Queries old enough are described
 * (their text for {@link Selection#match}, their statistics for the outcome's details), then cancelled; an
 * {@code InactiveQueryException} or {@code QueryIdNotFoundException} answer is {@code NOT_RUNNING}. Confirming
 * describes until the status is no longer {@code QUEUED} or {@code RUNNING}. Languages, {@code includeWaiting} and
 * {@code skipCancelled} do not apply.
 */
public final class CloudTrailSweep {

    /** The statuses listed: the ones that hold a slot. */
    static final List<String> LISTED_STATUSES = List.of("QUEUED", "RUNNING");

    private static final String LANGUAGE = "sql";
    private static final int DESCRIBES = 4;

    private final CloudTrailLake lake;
    private final List<String> eventDataStores;
    private final BulkOptions bulkOptions;

    private CloudTrailSweep(CloudTrailLake lake, List<String> eventDataStores, BulkOptions bulkOptions) {
        this.lake = lake;
        this.eventDataStores = eventDataStores;
        this.bulkOptions = bulkOptions;
    }

    /**
     * A sweep through querystop's client (the caller's: not closed). Its answers do not say what time it is, so ages
     * run to this process's clock: keep it in time (NTP).
     *
     * @param eventDataStores the ARNs (or ids) of the event data stores to sweep; empty for all of the account's
     */
    public static CloudTrailSweep over(CloudTrailClient client, List<String> eventDataStores) {
        if (client == null) {
            throw new InvalidInputException("client", "must not be null");
        }
        return overLake(new CloudTrailClientLake(client), eventDataStores);
    }

    /**
     * A sweep through any implementation of the port.
     *
     * @param eventDataStores the ARNs (or ids) of the event data stores to sweep; empty for all of the account's
     */
    public static CloudTrailSweep overLake(CloudTrailLake lake, List<String> eventDataStores) {
        if (lake == null) {
            throw new InvalidInputException("lake", "must not be null");
        }
        if (eventDataStores == null || eventDataStores.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("eventDataStores", "must not be null or hold null");
        }
        return new CloudTrailSweep(lake, List.copyOf(eventDataStores), BulkOptions.defaults());
    }

    public CloudTrailSweep withBulkOptions(BulkOptions value) {
        if (value == null) {
            throw new InvalidInputException("bulkOptions", "must not be null");
        }
        return new CloudTrailSweep(lake, eventDataStores, value);
    }

    public Flux<SweepEvent> run(Selection selection, Mode mode) {
        return Passes.once(this::list, selection, mode, bulkOptions);
    }

    public Flux<SweepEvent> watch(Selection selection, Mode mode, Duration every) {
        return Passes.watch(this::list, selection, mode, bulkOptions, every);
    }

    private Mono<Listing> list(Selection selection, LongSupplier nowMillis) {
        // a store or page that cannot be listed is reported below; only the list of stores itself fails here
        return stores().collectList()
            .flatMap(stores -> Flux.fromIterable(stores)
                .flatMap(store -> Flux.fromIterable(LISTED_STATUSES)
                    .flatMap(status -> list(store, status, selection, nowMillis)))
                .collectList()
                .map(Listing::merge))
            .onErrorResume(error -> Mono.just(Listing.failed(new ListingFailure(lake.endpoint(), LANGUAGE, null,
                error))));
    }

    /** The stores given, or every store of the account, page after page. */
    private Flux<String> stores() {
        if (!eventDataStores.isEmpty()) {
            return Flux.fromIterable(eventDataStores);
        }
        return Pagination.pages(lake::listEventDataStores).concatMapIterable(Page::items);
    }

    private Flux<Listing> list(String store, String status, Selection selection, LongSupplier nowMillis) {
        return Pagination.pages((String token) -> lake.listQueries(store, status, token))
            .concatMap(page -> page(store, page, selection, nowMillis))
            .onErrorResume(error -> Mono.just(Listing.failed(new ListingFailure(lake.endpoint(), LANGUAGE, store,
                error))));
    }

    private Flux<Listing> page(String store, Page<TrailQuery> page, Selection selection, LongSupplier nowMillis) {
        long now = page.serverTime() != null ? page.serverTime().toEpochMilli() : nowMillis.getAsLong();
        return Flux.fromIterable(page.items())
            .flatMap(query -> {
                String key = Candidate.key(lake.endpoint(), LANGUAGE, query.queryId());
                long age = query.creationTime() == null ? 0 : Math.max(0, now - query.creationTime().toEpochMilli());
                return selection.oldEnough(age) ? describe(store, query, age, key, selection)
                    : Mono.just(Listing.of(List.of(), Set.of(key)));
            }, DESCRIBES);
    }

    private Mono<Listing> describe(String store, TrailQuery query, long age, String key, Selection selection) {
        String endpoint = lake.endpoint();
        return Mono.defer(() -> lake.describeQuery(store, query.queryId()))
            .map(details -> {
                if (!details.isActive() || !selection.matchesText(details.queryString())) {
                    return Listing.of(List.of(), Set.of(key));
                }
                Map<String, Object> more = new HashMap<>(details.statistics());
                more.put("eventDataStore", store);
                more.put("status", details.queryStatus());
                return Listing.of(List.of(new Candidate(endpoint, LANGUAGE, query.queryId(), age, null,
                    details.queryString(), more, new TrailControl(lake, store, query.queryId()))), Set.of(key));
            })
            .defaultIfEmpty(Listing.of(List.of(), Set.of(key)))
            .onErrorResume(lake::isNotRunning, error -> Mono.just(Listing.of(List.of(), Set.of(key))))
            .onErrorResume(error -> Mono.just(Listing.itemFailed(
                new ListingFailure(endpoint, LANGUAGE, query.queryId(), error), key)));
    }

    private record TrailControl(CloudTrailLake lake, String store, String queryId) implements Candidate.Control {

        @Override
        public Mono<?> cancel(CallOptions options) {
            return lake.cancelQuery(store, queryId, options);
        }

        @Override
        public boolean isNotRunning(Throwable error) {
            return lake.isNotRunning(error);
        }

        @Override
        public Mono<Boolean> stopped() {
            return Mono.defer(() -> lake.describeQuery(store, queryId))
                .map(details -> !details.isActive())
                .defaultIfEmpty(false)
                .onErrorResume(lake::isNotRunning, error -> Mono.just(true));
        }
    }
}
