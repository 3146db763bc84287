package io.querystop.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * A bulk-loader job to put on an emulated writer with {@link Emulator#addLoad(LoadSeed)}. Immutable; the
 * {@code with...}-style methods return copies.
 *
 * <pre>{@code
 * emulator.addLoad(LoadSeed.of("load-1").startTime(Instant.now().minus(Duration.ofHours(3))));
 * emulator.addLoad(LoadSeed.of("load-2").status("LOAD_IN_QUEUE"));
 * emulator.addLoad(LoadSeed.of("load-3").status("LOAD_FAILED").errors(25));
 * }</pre>
 */
public final class LoadSeed {

    private final String id;
    private final String status;
    private final Instant startTime;
    private final String fullUri;
    private final long totalRecords;
    private final int errors;

    private LoadSeed(String id, String status, Instant startTime, String fullUri, long totalRecords, int errors) {
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.startTime = startTime;
        this.fullUri = Objects.requireNonNull(fullUri, "fullUri");
        this.totalRecords = totalRecords;
        this.errors = errors;
    }

    /** A job in {@code LOAD_IN_PROGRESS} that started now (by the emulator's query clock). */
    public static LoadSeed of(String id) {
        return new LoadSeed(id, "LOAD_IN_PROGRESS", null, "s3://querystop-emulator/" + id, 0, 0);
    }

    /**
     * Its status: {@code LOAD_IN_PROGRESS}, {@code LOAD_IN_QUEUE} and {@code LOAD_NOT_STARTED} are active (they can
     * be cancelled); any other, such as {@code LOAD_COMPLETED} or {@code LOAD_FAILED}, is over.
     */
    public LoadSeed status(String status) {
        return new LoadSeed(id, status, startTime, fullUri, totalRecords, errors);
    }

    /** When it started; its {@code totalTimeSpent} counts from here while it is active. */
    public LoadSeed startTime(Instant startTime) {
        return new LoadSeed(id, status, Objects.requireNonNull(startTime, "startTime"), fullUri, totalRecords, errors);
    }

    /** The {@code fullUri} its status reports. */
    public LoadSeed fullUri(String fullUri) {
        return new LoadSeed(id, status, startTime, fullUri, totalRecords, errors);
    }

    /** The {@code totalRecords} its status reports. */
    public LoadSeed totalRecords(long totalRecords) {
        return new LoadSeed(id, status, startTime, fullUri, totalRecords, errors);
    }

    /** How many parsing errors it logged: its status pages them with {@code errors=true}. */
    public LoadSeed errors(int errors) {
        if (errors < 0) {
            throw new IllegalArgumentException("errors must not be negative, was " + errors);
        }
        return new LoadSeed(id, status, startTime, fullUri, totalRecords, errors);
    }

    public String id() {
        return id;
    }

    String status() {
        return status;
    }

    Instant startTime() {
        return startTime;
    }

    String fullUri() {
        return fullUri;
    }

    long totalRecords() {
        return totalRecords;
    }

    int errors() {
        return errors;
    }

    @Override
    public String toString() {
        return "LoadSeed[" + id + ", " + status + "]";
    }
}
