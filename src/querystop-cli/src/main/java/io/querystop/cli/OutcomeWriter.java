package io.querystop.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.bulk.CancelOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the outcome lines of a bulk run, one JSON object per input line, whichever thread reports it: lines that are
 * not ids (from the reader), outcomes (from the printing thread) and, when the run stops before some calls are
 * answered, {@code unknown} for those. It tracks the ids handed to the bulk engine, by the engine's input index, until
 * their outcome, so each gets exactly one line with its line number. Thread-safe.
 *
 * <p>Lines go through one generator into its reused buffer, which reaches the stream when it fills and at each
 * {@link #flush()}: one write for many lines, where a line each would cost a system call per id.
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

    private final JsonGenerator json;
    private final Map<Long, Sent> sent = new HashMap<>();
    private long nextIndex;
    private boolean closed;
    private long cancelled;
    private long notRunning;
    private long failed;
    private long unknown;
    private long skipped;

    OutcomeWriter(PrintStream out) {
        try {
            this.json = Json.FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setRootValueSeparator(null); // each line ends with its own newline
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
        failed++;
        try {
            json.writeStartObject();
            json.writeNumberField("line", line);
            json.writeStringField("outcome", "failed");
            json.writeObjectFieldStart("error");
            json.writeStringField("code", "InvalidInput");
            json.writeStringField("message", problem);
            json.writeNumberField("attempts", 0);
            json.writeEndObject();
            endLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine's outcome for an id; ignored once {@link #closeUnanswered()} has written that id's line. */
    synchronized void outcome(CancelOutcome<?> outcome) {
        if (closed) {
            return;
        }
        Sent id = sent.remove(outcome.index());
        switch (outcome.status()) {
            case CANCELLED -> cancelled++;
            case NOT_RUNNING -> notRunning++;
            default -> failed++;
        }
        try {
            json.writeStartObject();
            json.writeStringField("id", outcome.id());
            if (id != null) {
                json.writeNumberField("line", id.line());
            }
            json.writeStringField("outcome", outcome(outcome.status()));
            if (outcome.response() != null) {
                json.writeFieldName("response");
                Json.write(json, Json.response(outcome.response()));
            }
            if (outcome.error() != null) {
                ObjectNode error = Json.error(outcome.error());
                // the outcome's count, not the error's: an id that went back in line after throttling was sent in
                // several calls, and the error knows only the last
                if (outcome.status() == CancelOutcome.Status.FAILED || error.has("attempts")) {
                    error.put("attempts", outcome.attempts());
                }
                json.writeFieldName("error");
                Json.write(json, error);
            }
            endLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String outcome(CancelOutcome.Status status) {
        return switch (status) {
            case CANCELLED -> "cancelled";
            case NOT_RUNNING -> "not_running";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }

    private void endLine() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Hands the lines written so far to the stream: when the run has nothing more to print for now, and at its end. */
    synchronized void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The run stopped without waiting for the answers still due: each id sent and not answered gets {@code unknown}
     * (the service may have acted on it), and nothing is written afterwards.
     */
    synchronized void closeUnanswered() {
        sent.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            unknown++;
            try {
                json.writeStartObject();
                json.writeStringField("id", entry.getValue().id());
                json.writeNumberField("line", entry.getValue().line());
                json.writeStringField("outcome", "unknown");
                json.writeObjectFieldStart("error");
                json.writeStringField("code", "Unanswered");
                json.writeStringField("message", "the run stopped before the answer came; the service may have acted on "
                    + "it");
                json.writeEndObject();
                endLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        sent.clear();
        closed = true;
        flush();
    }

    synchronized Counts counts() {
        return new Counts(cancelled, notRunning, failed, unknown, skipped);
    }
}
