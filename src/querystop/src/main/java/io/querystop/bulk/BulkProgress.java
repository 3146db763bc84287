package io.querystop.bulk;

import java.time.Duration;

/**
 * A snapshot of a bulk cancellation's figures.
 *
 * @param requested        inputs taken from the upstream publisher so far
 * @param inFlight         calls under way
 * @param peakInFlight     the most calls under way at once so far
 * @param cancelled        outcomes so far, by status
 * @param notRunning       ...
 * @param failed           ...
 * @param duplicates       ...
 * @param throttled        attempts the service throttled (retried ones included)
 * @param concurrencyLimit the current in-flight limit
 * @param elapsed          since the run started
 */
public record BulkProgress(long requested, int inFlight, int peakInFlight, long cancelled, long notRunning, long failed,
                           long duplicates, long throttled, int concurrencyLimit, Duration elapsed) {

    public long completed() {
        return cancelled + notRunning + failed + duplicates;
    }

    /** Outcomes per second since the start. */
    public double throughputPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : completed() * 1e9 / nanos;
    }
}
