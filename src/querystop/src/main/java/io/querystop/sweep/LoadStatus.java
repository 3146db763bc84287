package io.querystop.sweep;

import java.time.Instant;
import java.util.Set;

/**
 * A loader job's overall status.
 *
 * @param loadId     its id
 * @param status     {@code overallStatus.status}, such as {@code LOAD_IN_PROGRESS}
 * @param startTime  {@code overallStatus.startTime} (epoch seconds on the service's clock), or {@code null}
 * @param serverTime the service's clock when it answered (such as the HTTP {@code Date}), or {@code null} if unknown
 */
public record LoadStatus(String loadId, String status, Long startTime, Instant serverTime) {

    /** The statuses of a job that has not ended. */
    public static final Set<String> ACTIVE = Set.of("LOAD_NOT_STARTED", "LOAD_IN_QUEUE", "LOAD_IN_PROGRESS");

    /** Whether the job has not ended yet. */
    public boolean isActive() {
        return status != null && ACTIVE.contains(status);
    }
}
