package io.querystop.sweep;

import java.time.Duration;
import java.util.Map;

/**
 * The one final outcome of one selected piece of work.
 *
 * @param endpoint       the endpoint that listed it, and the only one it was cancelled and read through
 * @param language       {@code gremlin}, {@code opencypher}, {@code load} (a loader job) or {@code sql} (CloudTrail)
 * @param id             the query or load id
 * @param ageMillis      its age when selected (see {@link Selection#minimumAge})
 * @param waitedMillis   Neptune queries: the part of the age spent waiting in the queue; else {@code null}
 * @param query          the query text as listed (Neptune: at most 1,024 characters), or {@code null}
 * @param outcome        what happened
 * @param error          the service's answer for {@code NOT_RUNNING}, the error for {@code FAILED}, the last status
 *                       error (if any) for {@code STILL_RUNNING}; else {@code null}
 * @param attempts       cancel attempts made (0 in a dry run)
 * @param cancelLatency  from the cancel's first attempt to its answer, or {@code null} in a dry run
 * @param timeToConfirm  {@code CONFIRMED}: from the cancel's answer to the status read that showed it gone; else
 *                       {@code null}
 * @param details        more about the work, as plain values (for example {@code status}, {@code eventDataStore},
 *                       {@code bytesScanned}, {@code reason}); never {@code null}
 */
public record SweepOutcome(String endpoint, String language, String id, long ageMillis, Long waitedMillis,
                           String query, Outcome outcome, Throwable error, int attempts, Duration cancelLatency,
                           Duration timeToConfirm, Map<String, Object> details) implements SweepEvent {

    public SweepOutcome {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public enum Outcome {
        /** Dry run: it would have been cancelled. */
        SELECTED,
        /** The service accepted the cancel (without {@link Mode.Action#CONFIRM}). */
        CANCELLED,
        /** Cancelled, then seen gone before the deadline. */
        CONFIRMED,
        /** The service says it was not running any more when the cancel came. */
        NOT_RUNNING,
        /** Cancelled, but still running at the confirm deadline. */
        STILL_RUNNING,
        /** The cancel failed (after the retries the bulk options allow). */
        FAILED;

        /** The lower-case name events and the command line use. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
