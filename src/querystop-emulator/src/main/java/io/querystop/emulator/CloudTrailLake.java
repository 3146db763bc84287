package io.querystop.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The CloudTrail Lake state of one account in one region: event data stores and queries. CloudTrail is a regional
 * service, so the instances of an {@link EmulatedCluster} share one.
 */
final class CloudTrailLake {

    static final String ACCOUNT = "123456789012";
    static final String DEFAULT_STORE_NAME = "querystop-emulator";

    /** One query; mutable, guarded by the lake. */
    static final class Query {
        final String id;
        final String eventDataStore;
        final String queryString;
        final Instant creationTime;
        final long eventsMatched;
        final long eventsScanned;
        final long bytesScanned;
        String status;
        Instant endedAt;

        Query(CloudTrailQuerySeed seed, String eventDataStore, Instant creationTime, Instant now) {
            this.id = seed.id();
            this.eventDataStore = eventDataStore;
            this.queryString = seed.queryString() != null ? seed.queryString()
                : "SELECT eventID, eventTime FROM " + eventDataStore.substring(eventDataStore.lastIndexOf('/') + 1);
            this.creationTime = creationTime;
            this.eventsMatched = seed.eventsMatched();
            this.eventsScanned = seed.eventsScanned();
            this.bytesScanned = seed.bytesScanned();
            this.status = seed.status();
            this.endedAt = active() ? null : now;
        }

        boolean active() {
            return status.equals("QUEUED") || status.equals("RUNNING");
        }

        /** Run time so far: none while queued, up to now while running, up to its end after. */
        long executionMillis(Instant now) {
            if (status.equals("QUEUED")) {
                return 0;
            }
            return Math.max(0, Duration.between(creationTime, endedAt == null ? now : endedAt).toMillis());
        }
    }

    private final Clock clock;
    private final String region;
    private final String defaultStore;
    private final Map<String, String> stores = new LinkedHashMap<>();
    private final Map<String, Query> queries = new LinkedHashMap<>();

    CloudTrailLake(Clock clock, String region) {
        this.clock = clock;
        this.region = region;
        this.defaultStore = arn(DEFAULT_STORE_NAME);
        stores.put(defaultStore, DEFAULT_STORE_NAME);
    }

    Clock clock() {
        return clock;
    }

    String defaultStore() {
        return defaultStore;
    }

    synchronized String addEventDataStore(String name) {
        String arn = arn(name);
        stores.put(arn, name);
        return arn;
    }

    synchronized void add(CloudTrailQuerySeed seed) {
        String store = seed.eventDataStore() == null ? defaultStore : seed.eventDataStore();
        if (!stores.containsKey(store)) {
            throw new IllegalArgumentException("no event data store " + store + ": add it with addEventDataStore");
        }
        Instant now = clock.instant();
        queries.put(seed.id(), new Query(seed, store, seed.creationTime() == null ? now : seed.creationTime(), now));
    }

    synchronized Query query(String id) {
        return queries.get(id);
    }

    synchronized String state(String id) {
        Query query = queries.get(id);
        return query == null ? null : query.status;
    }

    /** Cancels a queued or running query; false when it is in a terminal state. */
    synchronized boolean cancel(Query query) {
        if (!query.active()) {
            return false;
        }
        query.status = "CANCELLED";
        query.endedAt = clock.instant();
        return true;
    }

    /** The store's ARN for an ARN or its id suffix, or {@code null}. */
    synchronized String store(String arnOrId) {
        if (stores.containsKey(arnOrId)) {
            return arnOrId;
        }
        return stores.keySet().stream().filter(arn -> arn.endsWith("/" + arnOrId)).findFirst().orElse(null);
    }

    synchronized List<Map.Entry<String, String>> stores() {
        return List.copyOf(stores.entrySet());
    }

    /** The store's queries created in the last seven days, newest first (then by id). */
    synchronized List<Query> queries(String store) {
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        List<Query> found = new ArrayList<>();
        for (Query query : queries.values()) {
            if (query.eventDataStore.equals(store) && !query.creationTime.isBefore(weekAgo)) {
                found.add(query);
            }
        }
        found.sort(Comparator.comparing((Query query) -> query.creationTime).reversed()
            .thenComparing(query -> query.id));
        return found;
    }

    synchronized void clear() {
        queries.clear();
        stores.keySet().removeIf(arn -> !arn.equals(defaultStore));
    }

    private String arn(String name) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return "arn:aws:cloudtrail:" + region + ":" + ACCOUNT + ":eventdatastore/" + id;
    }
}
