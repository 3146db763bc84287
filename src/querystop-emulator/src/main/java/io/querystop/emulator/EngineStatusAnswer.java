package io.querystop.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.emulator.ServiceAnswers.Answer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code GET /status} of one instance: healthy, its role, and the settings Neptune reports. */
final class EngineStatusAnswer {

    static final String ENGINE_VERSION = "1.3.2.1.R1";
    /** Neptune writes its start time as Java's {@code Date.toString()} does, in UTC. */
    private static final DateTimeFormatter START_TIME = DateTimeFormatter
        .ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final byte[] body;

    EngineStatusAnswer(boolean writer, Instant startTime) {
        ObjectNode status = ServiceAnswers.JSON.createObjectNode()
            .put("status", "healthy")
            .put("startTime", START_TIME.format(startTime))
            .put("dbEngineVersion", ENGINE_VERSION)
            .put("role", writer ? "writer" : "reader")
            .put("dfeQueryEngine", "viaQueryHint");
        status.putObject("gremlin").put("version", "tinkerpop-3.7.1");
        status.putObject("sparql").put("version", "sparql-1.1");
        status.putObject("opencypher").put("version", "Neptune-9.0.20190305-1.0");
        status.putObject("labMode").put("ObjectIndex", "disabled").put("ReadWriteConflictDetection", "enabled");
        ObjectNode features = status.putObject("features");
        features.putObject("ResultCache").put("status", "disabled");
        features.put("IAMAuthentication", "enabled").put("Streams", "disabled").put("AuditLog", "disabled");
        status.putObject("settings").put("clusterQueryTimeoutInMs", "120000")
            .put("SlowQueryLogsThreshold", "5000").put("SlowQueryLogsMode", "info");
        this.body = status.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    Answer answer() {
        return new Answer(200, java.util.Map.of("Content-Type", ServiceAnswers.NEPTUNE_SUCCESS_TYPE), body);
    }
}
