package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.ConnectionPoolStats;
import io.querystop.InvalidResponseException;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.RawResponseServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Answers whose HTTP framing or body is broken: each ends its call with one {@link InvalidResponseException} naming
 * what was wrong, the host and the operation, after one attempt with the default retry policy; the connection that
 * carried it is closed, so the next call opens a new one; the pool ends with no active connection.
 */
class BadResponsesIntegrationTests {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 19\r\n\r\n"
        + "{\"status\":\"200 OK\"}";

    private final RawResponseServer server = RawResponseServer.start();
    private final NeptuneDataClient neptune = NeptuneDataClient.builder()
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBADRESPONSES",
            "bad-responses-secret")))
        .build();

    @AfterEach
    void close() throws Exception {
        neptune.close(Duration.ofSeconds(10));
        server.close();
    }

    @Test
    void oversizedHeaders() {
        assertInvalid("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Big: " + "a".repeat(100_000)
            + "\r\nContent-Length: 19\r\n\r\n{\"status\":\"200 OK\"}", 0, "oversized response headers (");
    }

    @Test
    void anOverLongStatusLine() {
        assertInvalid("HTTP/1.1 200 " + "O".repeat(10_000) + "\r\nContent-Length: 19\r\n\r\n{\"status\":\"200 OK\"}",
            0, "over-long status line (");
    }

    @Test
    void aMalformedStatusLine() {
        assertInvalid("HTXP/9 200 OK\r\nContent-Length: 19\r\n\r\n{\"status\":\"200 OK\"}", 0,
            "malformed HTTP response (");
    }

    @Test
    void aBadChunkedEncoding() {
        assertInvalid("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "zz\r\n{\"status\":\"200 OK\"}\r\n0\r\n\r\n", 0, "bad chunked encoding or length (");
    }

    @Test
    void anHtmlBodyUnderA200() {
        assertInvalid("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 15\r\n\r\n<html>ok</html>",
            200, "");
    }

    @Test
    void invalidJsonUnderA200() {
        assertInvalid("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n"
            + "{\"status\":}}", 200, "");
    }

    @Test
    void aGoodAnswerLeavesItsConnectionForTheNextCall() {
        server.enqueue(OK).enqueue(OK);

        for (int i = 0; i < 2; i++) {
            neptune.cancelGremlinQuery("q")
                .as(StepVerifier::create)
                .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
                .verifyComplete();
            EmulatorExtension.awaitIdlePool(neptune::connectionPoolStats);
        }
        assertThat(server.accepted()).as("what makes the count above mean something").isEqualTo(1);
    }

    private void assertInvalid(String raw, int status, String what) {
        server.enqueue(raw).enqueue(OK);
        String prefix = "CancelGremlinQuery to " + server.host() + ": unreadable response"
            + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + what;

        neptune.cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(InvalidResponseException.class).hasMessageStartingWith(prefix);
                InvalidResponseException invalid = (InvalidResponseException) error;
                assertThat(invalid.host()).isEqualTo(server.host());
                assertThat(invalid.operationName()).isEqualTo("CancelGremlinQuery");
                assertThat(invalid.statusCode()).isEqualTo(status);
                assertThat(invalid.isRetryable()).isFalse();
                assertThat(invalid.attempts()).isEqualTo(1);
            })
            .verify(Duration.ofSeconds(10));
        // The pool releases asynchronously: wait, so that a connection handed back would be there to reuse.
        EmulatorExtension.awaitIdlePool(neptune::connectionPoolStats);

        neptune.cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();
        assertThat(server.accepted()).as("connections opened: the broken one was not reused").isEqualTo(2);
        ConnectionPoolStats stats = EmulatorExtension.awaitIdlePool(neptune::connectionPoolStats);
        assertThat(stats.active()).as("%s", stats).isZero();
    }
}
