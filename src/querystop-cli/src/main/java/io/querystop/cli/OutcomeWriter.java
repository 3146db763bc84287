package io.querystop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.bulk.CancelOutcome;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the outcome lines of a bulk run, one JSON object per input line, whichever thread reports it: lines that are
 * not ids (from the reader), outcomes (from the printing thread) and, when the run stops before some calls are
 * answered, {@code unknown} for those. It tracks the ids handed to the bulk engine, by the engine's input index, until
 * their outcome, so each gets exactly one line with its line number. Thread-safe.
 */
final class OutcomeWriter {

    /** An id handed to the engine and not answered yet. */
    private record Sent(String id, long line) {
    }

    /** Counts of the lines written so far. */
    record Counts(long cancelled, long notRunning, long failed, long unknown, long skipped) {
        long written() {
            return cancelled + notRunning + failed + unknown;
        }
    }

    private final PrintStream out;
    private final Map<Long, Sent> sent = new HashMap<>();
    private long nextIndex;
    private boolean closed;
    private long cancelled;
    private long notRunning;
    private long failed;
    private long unknown;
    private long skipped;

    OutcomeWriter(PrintStream out) {
        this.out = out;
    }

    /** The id of {@code line} goes to the engine next: its outcome will come with the next input index. */
    synchronized void sent(String id, long line) {
        if (!closed) {
            sent.put(nextIndex++, new Sent(id, line));
        }
    }

    /** An id that an earlier run finished ({@code --resume}): no line. */
    synchronized void skipped() {
        skipped++;
    }

    /** A line that cannot be an id. */
    synchronized void invalid(long line, String problem) {
        if (closed) {
            return;
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("line", line);
        json.put("outcome", "failed");
        ObjectNode error = json.putObject("error");
        error.put("code", "InvalidInput");
        error.put("message", problem);
        error.put("attempts", 0);
        failed++;
        out.println(json);
    }

    /** The engine's outcome for an id; ignored once {@link #closeUnanswered()} has written that id's line. */
    synchronized void outcome(CancelOutcome<?> outcome) {
        if (closed) {
            return;
        }
        Sent id = sent.remove(outcome.index());
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", outcome.id());
        if (id != null) {
            json.put("line", id.line());
        }
        json.put("outcome", outcome.status().name().toLowerCase(Locale.ROOT));
        if (outcome.response() != null) {
            json.set("response", Json.response(outcome.response()));
        }
        if (outcome.error() != null) {
            ObjectNode error = Json.error(outcome.error());
            // the outcome's count, not the error's: an id that went back in line after throttling was sent in
            // several calls, and the error knows only the last
            if (outcome.status() == CancelOutcome.Status.FAILED || error.has("attempts")) {
                error.put("attempts", outcome.attempts());
            }
            json.set("error", error);
        }
        switch (outcome.status()) {
            case CANCELLED -> cancelled++;
            case NOT_RUNNING -> notRunning++;
            default -> failed++;
        }
        out.println(json);
    }

    /**
     * The run stopped without waiting for the answers still due: each id sent and not answered gets {@code unknown}
     * (the service may have acted on it), and nothing is written afterwards.
     */
    synchronized void closeUnanswered() {
        sent.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("id", entry.getValue().id());
            json.put("line", entry.getValue().line());
            json.put("outcome", "unknown");
            ObjectNode error = json.putObject("error");
            error.put("code", "Unanswered");
            error.put("message", "the run stopped before the answer came; the service may have acted on it");
            unknown++;
            out.println(json);
        });
        sent.clear();
        closed = true;
    }

    synchronized Counts counts() {
        return new Counts(cancelled, notRunning, failed, unknown, skipped);
    }
}
