package io.querystop.sweep;

import java.util.Map;
import java.util.Set;

/**
 * A CloudTrail Lake query as {@code DescribeQuery} gives it.
 *
 * @param queryId     its id
 * @param queryString its SQL text, or {@code null}
 * @param queryStatus its status
 * @param statistics  {@code QueryStatistics} as plain values (such as {@code BytesScanned}); never {@code null}
 */
public record TrailQueryDetails(String queryId, String queryString, String queryStatus, Map<String, Object> statistics) {

    /** The statuses of a query that holds one of the account's slots and can be cancelled. */
    public static final Set<String> ACTIVE = Set.of("QUEUED", "RUNNING");

    public TrailQueryDetails {
        statistics = statistics == null ? Map.of() : Map.copyOf(statistics);
    }

    /** Whether it is queued or running. */
    public boolean isActive() {
        return queryStatus != null && ACTIVE.contains(queryStatus);
    }
}
