package io.querystop.neptunedata;

import java.util.Map;

/**
 * A loader job's status. The payload is a Smithy document, given as plain Java values; its usual members are
 * {@code overallStatus} (an object with {@code status}, {@code startTime} in epoch seconds, {@code totalTimeSpent} in
 * seconds, record counts...), {@code feedCount}, {@code failedFeeds} and, when asked for, {@code errors}. The accessors
 * below read the common ones and answer {@code null} when a member is absent or of another type.
 *
 * @param status  the call's status, {@code "200 OK"}; {@code null} when absent
 * @param payload the status document: {@code Map<String, Object>} for every answer Neptune documents, with nested
 *                {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} values
 *                (immutable as decoded); {@code null} when absent
 */
public record GetLoaderJobStatusResponse(String status, Object payload) {

    /** The payload's {@code overallStatus} object, or {@code null}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> overallStatus() {
        return payload instanceof Map<?, ?> map && map.get("overallStatus") instanceof Map<?, ?> overall
            ? (Map<String, Object>) overall : null;
    }

    /** The load's status, e.g. {@code LOAD_IN_PROGRESS}, {@code LOAD_COMPLETED}, {@code LOAD_CANCELLED_BY_USER}. */
    public String loadStatus() {
        Map<String, Object> overall = overallStatus();
        return overall != null && overall.get("status") instanceof String text ? text : null;
    }

    /** When the load started, in epoch seconds. */
    public Long startTime() {
        return number("startTime");
    }

    /** Seconds the load has taken so far. */
    public Long totalTimeSpent() {
        return number("totalTimeSpent");
    }

    private Long number(String member) {
        Map<String, Object> overall = overallStatus();
        return overall != null && overall.get(member) instanceof Number n ? (Long) n.longValue() : null;
    }
}
