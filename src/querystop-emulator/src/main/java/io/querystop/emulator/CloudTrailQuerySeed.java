package io.querystop.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudTrail Lake query to put in an emulator's account with {@link Emulator#addCloudTrailQuery(CloudTrailQuerySeed)}.
 * Immutable; the {@code with...}-style methods return copies.
 *
 * <pre>{@code
 * emulator.addCloudTrailQuery(CloudTrailQuerySeed.of("4f5a6c2e-0000-4000-8000-000000000001")
 *     .creationTime(Instant.now().minus(Duration.ofMinutes(45)))
 *     .statistics(1_200, 9_000_000, 3_221_225_472L));
 * }</pre>
 */
public final class CloudTrailQuerySeed {

    private final String id;
    private final String status;
    private final String eventDataStore;
    private final String queryString;
    private final Instant creationTime;
    private final long eventsMatched;
    private final long eventsScanned;
    private final long bytesScanned;

    private CloudTrailQuerySeed(String id, String status, String eventDataStore, String queryString,
                                Instant creationTime, long eventsMatched, long eventsScanned, long bytesScanned) {
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.eventDataStore = eventDataStore;
        this.queryString = queryString;
        this.creationTime = creationTime;
        this.eventsMatched = eventsMatched;
        this.eventsScanned = eventsScanned;
        this.bytesScanned = bytesScanned;
    }

    /** A {@code RUNNING} query on the emulator's default event data store, created now (by its query clock). */
    public static CloudTrailQuerySeed of(String id) {
        return new CloudTrailQuerySeed(id, "RUNNING", null, null, null, 0, 0, 0);
    }

    /** {@code QUEUED}, {@code RUNNING}, {@code FINISHED}, {@code FAILED}, {@code CANCELLED} or {@code TIMED_OUT}. */
    public CloudTrailQuerySeed status(String status) {
        return new CloudTrailQuerySeed(id, status, eventDataStore, queryString, creationTime, eventsMatched,
            eventsScanned, bytesScanned);
    }

    /** The ARN of the event data store it runs on, one {@link Emulator#addEventDataStore(String)} returned. */
    public CloudTrailQuerySeed eventDataStore(String eventDataStoreArn) {
        return new CloudTrailQuerySeed(id, status, Objects.requireNonNull(eventDataStoreArn, "eventDataStoreArn"),
            queryString, creationTime, eventsMatched, eventsScanned, bytesScanned);
    }

    /** Its SQL; by default a {@code SELECT} on its event data store. */
    public CloudTrailQuerySeed queryString(String queryString) {
        return new CloudTrailQuerySeed(id, status, eventDataStore, queryString, creationTime, eventsMatched,
            eventsScanned, bytesScanned);
    }

    /** When it was created: its {@code CreationTime}, from which its age and execution time count. */
    public CloudTrailQuerySeed creationTime(Instant creationTime) {
        return new CloudTrailQuerySeed(id, status, eventDataStore, queryString,
            Objects.requireNonNull(creationTime, "creationTime"), eventsMatched, eventsScanned, bytesScanned);
    }

    /** Its {@code QueryStatistics}: events matched and scanned, and the bytes scanned (what is billed). */
    public CloudTrailQuerySeed statistics(long eventsMatched, long eventsScanned, long bytesScanned) {
        return new CloudTrailQuerySeed(id, status, eventDataStore, queryString, creationTime, eventsMatched,
            eventsScanned, bytesScanned);
    }

    public String id() {
        return id;
    }

    String status() {
        return status;
    }

    String eventDataStore() {
        return eventDataStore;
    }

    String queryString() {
        return queryString;
    }

    Instant creationTime() {
        return creationTime;
    }

    long eventsMatched() {
        return eventsMatched;
    }

    long eventsScanned() {
        return eventsScanned;
    }

    long bytesScanned() {
        return bytesScanned;
    }

    @Override
    public String toString() {
        return "CloudTrailQuerySeed[" + id + ", " + status + "]";
    }
}
