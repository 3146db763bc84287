package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.testing.RawResponseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An answer with a 100 KB header: one line naming what, host and operation, exit 255, no stack trace. */
@ExtendWith(CliRun.EmulatorCredentials.class)
class BadResponseCliTests {

    @Test
    void anOversizedHeaderIsOneLineWithoutAStackTrace() throws Exception {
        try (RawResponseServer server = RawResponseServer.start()) {
            server.enqueue("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Big: " + "a".repeat(100_000)
                + "\r\nContent-Length: 19\r\n\r\n{\"status\":\"200 OK\"}");

            CliRun run = CliRun.run(new CliRun.FakeSignals(), "neptunedata", "cancel-gremlin-query", "--query-id", "q",
                "--endpoint-url", server.endpoint());

            assertThat(run.exit()).isEqualTo(255);
            assertThat(run.err()).isEqualTo("CancelGremlinQuery to " + server.host()
                + ": unreadable response: oversized response headers (HTTP header is larger than 8192 bytes.)"
                + System.lineSeparator());
        }
    }
}
