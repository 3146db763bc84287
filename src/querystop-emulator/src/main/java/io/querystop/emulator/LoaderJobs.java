package io.querystop.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bulk-loader jobs of one instance with their status documents. Neptune keeps the last 1,024 jobs; here every
 * active job is kept and the jobs that ended are forgotten oldest-ended first once there are more than 1,024 in all,
 * so that a test with thousands of active jobs can still cancel each one.
 */
final class LoaderJobs {

    static final int KEPT = 1024;
    private static final Set<String> ACTIVE = Set.of("LOAD_IN_PROGRESS", "LOAD_IN_QUEUE", "LOAD_NOT_STARTED");

    private static final class Load {
        final LoadSeed seed;
        final Instant startTime;
        final long order;
        String status;
        Instant endedAt;

        Load(LoadSeed seed, Instant startTime, long order) {
            this.seed = seed;
            this.startTime = startTime;
            this.order = order;
            this.status = seed.status();
        }
    }

    private final Clock clock;
    private final Map<String, Load> loads = new LinkedHashMap<>();
    /** Jobs that ended, in the order they ended: the first to be forgotten. */
    private final Deque<Load> ended = new ArrayDeque<>();
    private long order;

    LoaderJobs(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(LoadSeed seed) {
        Instant now = clock.instant();
        Load load = new Load(seed, seed.startTime() == null ? now : seed.startTime(), order++);
        loads.remove(seed.id());
        loads.put(seed.id(), load);
        if (!ACTIVE.contains(load.status)) {
            load.endedAt = now;
            ended(load);
        }
    }

    private void ended(Load load) {
        ended.add(load);
        while (loads.size() > KEPT && !ended.isEmpty()) {
            Load oldest = ended.poll();
            loads.remove(oldest.seed.id(), oldest);
        }
    }

    /** Ids, the most recently started first; queued loads left out unless asked for. */
    synchronized List<String> ids(int limit, boolean includeQueued) {
        List<Load> sorted = new ArrayList<>(loads.values());
        sorted.sort(Comparator.comparing((Load load) -> load.startTime).thenComparingLong(load -> load.order)
            .reversed());
        return sorted.stream().filter(load -> includeQueued || !load.status.equals("LOAD_IN_QUEUE"))
            .limit(limit).map(load -> load.seed.id()).toList();
    }

    /** Cancels an active job; false when there is none by that id or it is over. */
    synchronized boolean cancel(String id) {
        Load load = loads.get(id);
        if (load == null || !ACTIVE.contains(load.status)) {
            return false;
        }
        load.status = "LOAD_CANCELLED_BY_USER";
        load.endedAt = clock.instant();
        ended(load);
        return true;
    }

    synchronized String state(String id) {
        Load load = loads.get(id);
        return load == null ? null : load.status;
    }

    /** The {@code payload} document of GetLoaderJobStatus, or {@code null} for an unknown id. */
    synchronized ObjectNode payload(String id, boolean details, boolean errors, int page, int errorsPerPage) {
        Load load = loads.get(id);
        if (load == null) {
            return null;
        }
        ObjectNode payload = ServiceAnswers.JSON.createObjectNode();
        payload.putArray("feedCount").addObject().put(load.status, 1);
        Instant end = load.endedAt == null ? clock.instant() : load.endedAt;
        payload.putObject("overallStatus")
            .put("fullUri", load.seed.fullUri())
            .put("runNumber", 1)
            .put("retryNumber", 0)
            .put("status", load.status)
            .put("totalTimeSpent", Math.max(0, Duration.between(load.startTime, end).toSeconds()))
            .put("startTime", load.startTime.getEpochSecond())
            .put("totalRecords", load.seed.totalRecords())
            .put("totalDuplicates", 0)
            .put("parsingErrors", load.seed.errors())
            .put("datatypeMismatchErrors", 0)
            .put("insertErrors", 0);
        if (details) {
            ArrayNode failed = payload.putArray("failedFeeds");
            if (load.status.equals("LOAD_FAILED")) {
                failed.addObject().put("fullUri", load.seed.fullUri()).put("status", "LOAD_FAILED");
            }
        }
        if (errors) {
            int from = (page - 1) * errorsPerPage + 1;
            int to = Math.min(load.seed.errors(), from + errorsPerPage - 1);
            ObjectNode errorsNode = payload.putObject("errors").put("startIndex", from).put("endIndex", to)
                .put("loadId", id);
            ArrayNode logs = errorsNode.putArray("errorLogs");
            for (int record = from; record <= to; record++) {
                logs.addObject().put("errorCode", "PARSING_ERROR")
                    .put("errorMessage", "Expected 3 columns, found 2 (emulated error " + record + ")")
                    .put("fileName", load.seed.fullUri()).put("recordNum", record);
            }
        }
        return payload;
    }

    synchronized void clear() {
        loads.clear();
        ended.clear();
    }
}
