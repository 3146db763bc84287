package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.bulk.CancelOutcome;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Outcome lines collect in the writer's buffer and reach the stream together, at a flush. */
class OutcomeWriterUnitTests {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutcomeWriter writer = new OutcomeWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void linesReachTheStreamAtAFlushOneLineEach() {
        writer.sent("a", 1);
        writer.invalid(2, "not an id");
        writer.sent("b", 3);
        writer.outcome(new CancelOutcome<>(0, "a", CancelOutcome.Status.CANCELLED,
            new CancelGremlinQueryResponse("200 OK"), null, 1, Duration.ofMillis(1)));
        writer.outcome(new CancelOutcome<>(1, "b", CancelOutcome.Status.NOT_RUNNING, null,
            new IllegalStateException("gone"), 1, Duration.ofMillis(1)));

        assertThat(bytes.size()).as("nothing written before the flush").isZero();
        writer.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
            "{\"line\":2,\"outcome\":\"failed\",\"error\":{\"code\":\"InvalidInput\",\"message\":\"not an id\","
                + "\"attempts\":0}}\n"
                + "{\"id\":\"a\",\"line\":1,\"outcome\":\"cancelled\",\"response\":{\"status\":\"200 OK\"}}\n"
                + "{\"id\":\"b\",\"line\":3,\"outcome\":\"not_running\",\"error\":{\"code\":\"IllegalStateException\","
                + "\"message\":\"gone\"}}\n");
        assertThat(writer.counts()).isEqualTo(new OutcomeWriter.Counts(1, 1, 1, 0, 0));
    }

    @Test
    void theUnansweredAreWrittenAndFlushedWhenTheRunStopsShort() {
        writer.sent("a", 1);

        writer.closeUnanswered();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("{\"id\":\"a\",\"line\":1,\"outcome\":\"unknown\"")
            .endsWith("}\n");
    }
}
