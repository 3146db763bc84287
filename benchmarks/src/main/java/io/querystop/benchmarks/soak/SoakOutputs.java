package io.querystop.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The union of the runs' NDJSON outputs, checked id by id: each id must have exactly one final line ({@code
 * cancelled} or {@code not_running}) in all the files, or none and a last line {@code failed} with its reason; and
 * the server must have seen it at most once more than explained: by its scripted fault, or by the attempts the
 * client itself reported for it in all the runs' lines (a line without an attempt count stands for one). The second
 * explanation covers faults nobody scripted, such as a busy machine answering later than the read timeout: the
 * client counted those attempts and said so, so they are accounted for, not lost or doubled.
 */
final class SoakOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int ids;
    private final byte[] finals;
    private final boolean[] lastFailedWithReason;
    private final int[] reportedAttempts;
    private final Map<String, Long> lines = new TreeMap<>();
    private long malformed;

    SoakOutputs(int ids) {
        this.ids = ids;
        this.finals = new byte[ids];
        this.lastFailedWithReason = new boolean[ids];
        this.reportedAttempts = new int[ids];
    }

    /** Reads one run's output, in run order. */
    void read(Path output) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json;
                try {
                    json = JSON.readTree(line);
                } catch (IOException e) {
                    malformed++;
                    continue;
                }
                String outcome = json.path("outcome").asText("?");
                lines.merge(outcome, 1L, Long::sum);
                int index = SoakServer.index(json.path("id").asText(null));
                if (index < 0 || index >= ids) {
                    malformed++;
                    continue;
                }
                int attempts = json.path("error").path("attempts").asInt(1);
                reportedAttempts[index] = Math.min(reportedAttempts[index] + Math.max(attempts, 1), 1_000);
                switch (outcome) {
                    case "cancelled", "not_running" -> {
                        finals[index] = (byte) Math.min(finals[index] + 1, 100);
                        lastFailedWithReason[index] = false;
                    }
                    case "failed" -> lastFailedWithReason[index] = json.path("error").path("code").isTextual();
                    default -> lastFailedWithReason[index] = false;
                }
            }
        }
    }

    /** The verdict's figures and problems. */
    record Verdict(long exactlyOnce, long failedWithReason, long missing, long twice, long malformed,
                   long resentBeyondFaults, long overLimit, int mostRequests, Map<String, Long> lines) {
        List<String> problems() {
            List<String> problems = new java.util.ArrayList<>();
            if (missing > 0) {
                problems.add(missing + " ids without a final outcome");
            }
            if (twice > 0) {
                problems.add(twice + " ids with more than one final outcome");
            }
            if (malformed > 0) {
                problems.add(malformed + " lines that are not an outcome of a known id");
            }
            if (overLimit > 0) {
                problems.add(overLimit + " ids sent more than once beyond what their fault and reported attempts"
                    + " explain");
            }
            return problems;
        }
    }

    Verdict verdict(SoakServer server) {
        long once = 0;
        long failed = 0;
        long missing = 0;
        long twice = 0;
        long resent = 0;
        long overLimit = 0;
        int most = 0;
        for (int i = 0; i < ids; i++) {
            if (finals[i] == 1) {
                once++;
            } else if (finals[i] > 1) {
                twice++;
            } else if (lastFailedWithReason[i]) {
                failed++;
            } else {
                missing++;
            }
            int extra = server.requests(i) - Math.max(SoakServer.explained(i), reportedAttempts[i]);
            most = Math.max(most, server.requests(i));
            if (extra == 1) {
                resent++;
            } else if (extra > 1) {
                overLimit++;
            }
        }
        return new Verdict(once, failed, missing, twice, malformed, resent, overLimit, most, lines);
    }
}
