package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoIntegrationTests {

    @Test
    void theDemoCancelsEverythingItRegisteredAndReportsEachOutcomeOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err, 300, 200, 50, 10, 8)
            .run();
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).isZero();
        assertThat(report).containsPattern("Gremlin queries +300 +300 +0 +0 ")
            .containsPattern("openCypher queries +200 +200 +0 +0 ")
            .containsPattern("loader jobs +50 +50 +0 +0 ")
            // every fifth CloudTrail query was registered FINISHED: the service answers InactiveQueryException
            .containsPattern("CloudTrail queries +10 +8 +2 +0 ")
            .contains("queries still running afterwards: 0")
            .containsPattern("requests served [0-9,]+");
    }
}
