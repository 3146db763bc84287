package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.CallTimeoutException;
import io.querystop.InvalidResponseException;
import io.querystop.ResponseTimeoutException;
import io.querystop.ResponseTooLargeException;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.TransportException;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.EmulatorExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** Failures below the HTTP answer, and 2xx answers that cannot be read: each a typed error, never a hang. */
class TransportFailuresIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void aOneDigitPortIsConnectedToAndNotMistakenForPartOfTheHostName() {
        // Reactor Netty 1.3.7 reads http://127.0.0.1:9/x as host "127.0.0.1:9", port 80, and reports "unknown host".
        int closedPort = closedOneDigitPort();
        NeptuneDataClient neptune = env.neptune(b -> b.endpoint("http://127.0.0.1:" + closedPort)
            .retryPolicy(RetryPolicy.none()));

        neptune.cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(TransportException.class)
                .hasMessage("CancelGremlinQuery to 127.0.0.1:" + closedPort + " failed: connection refused"))
            .verify(Duration.ofSeconds(10));
    }

    private static int closedOneDigitPort() {
        for (int port = 1; port <= 9; port++) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (java.net.ConnectException refused) {
                return port;
            } catch (IOException other) {
                // not refused: try the next one
            }
        }
        org.junit.jupiter.api.Assumptions.abort("every port from 1 to 9 on 127.0.0.1 accepts connections");
        return -1;
    }

    @Test
    void aRefusedConnectionIsATransportErrorNamingOperationAndHost() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NeptuneDataClient neptune = env.neptune(b -> b.endpoint("http://127.0.0.1:" + closedPort)
            .retryPolicy(RetryPolicy.none()));

        neptune.cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(TransportException.class)
                    .hasMessage("CancelGremlinQuery to 127.0.0.1:" + closedPort + " failed: connection refused")
                    .hasCauseInstanceOf(java.net.ConnectException.class);
                assertThat(((TransportException) error).host()).isEqualTo("127.0.0.1:" + closedPort);
                assertThat(((TransportException) error).isRetryable()).isTrue();
            })
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aResetBeforeTheAnswerIsATransportError() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.reset());

        env.neptune(b -> b.retryPolicy(RetryPolicy.none())).cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TransportException.class)
                .hasMessageStartingWith("CancelGremlinQuery to 127.0.0.1:" + emulator.port() + " failed: "))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aConnectionClosedMidBodyIsATransportError() {
        emulator.addGremlinQuery("q");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.closeMidBody());

        env.neptune(b -> b.retryPolicy(RetryPolicy.none())).cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(TransportException.class)
                .hasMessageContaining("closed before the response was complete"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aServerThatNeverAnswersHitsTheResponseTimeout() {
        emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.noResponse());
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(RetryPolicy.none())
            .timeouts(Timeouts.defaults().withResponse(Duration.ofMillis(300))));

        neptune.cancelLoaderJob("l")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(ResponseTimeoutException.class)
                .hasMessage("CancelLoaderJob to 127.0.0.1:" + emulator.port()
                    + " failed: no response data for 300 ms"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void theCallTimeoutBoundsTheWholeCall() {
        emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.noResponse());
        NeptuneDataClient neptune = env.neptune(b -> b.timeouts(Timeouts.defaults()
            .withCall(Duration.ofMillis(300))));

        neptune.cancelLoaderJob("l")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(CallTimeoutException.class)
                .hasMessage("CancelLoaderJob did not complete within the call timeout of 300 ms"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aBodyOverTheLimitFailsClearlyWhetherOrNotItsLengthIsDeclared() {
        String big = "{\"status\":\"" + "x".repeat(2000) + "\"}";
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(200, "application/json", big));
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(200, "application/json", big)
            .withDrip(256, Duration.ofMillis(1)));
        NeptuneDataClient neptune = env.neptune(b -> b.maxResponseBytes(1024));

        for (int i = 0; i < 2; i++) {
            neptune.cancelGremlinQuery("q")
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(ResponseTooLargeException.class)
                        .hasMessageContaining("larger than the limit of 1024 bytes");
                    assertThat(((ResponseTooLargeException) error).statusCode()).isEqualTo(200);
                })
                .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void aTruncatedSuccessBodyIsAnInvalidResponse() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(200, "application/json", "{\"status\":\"200"));

        env.neptune().cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(InvalidResponseException.class)
                .hasMessageStartingWith("CancelGremlinQuery to 127.0.0.1:" + emulator.port() + ": unreadable response (HTTP 200)"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aSuccessBodyWithAWrongTypeNamesTheMember() {
        emulator.enqueue(Route.GET_OPEN_CYPHER_QUERY_STATUS, Fault.respond(200, "application/json",
            "{\"queryId\":\"q\",\"queryEvalStats\":{\"elapsed\":\"twelve\"}}"));

        env.neptune().getOpenCypherQueryStatus("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("member 'elapsed' must be an integer in the 32-bit range, was a string"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aSuccessBodyThatIsNotJsonIsAnInvalidResponse() {
        emulator.enqueue(Route.CANCEL_OPEN_CYPHER_QUERY, Fault.respond(200, "text/html", "<html>ok</html>"));

        env.neptune().cancelOpenCypherQuery("q")
            .as(StepVerifier::create)
            .expectError(InvalidResponseException.class)
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aSuccessBodyThatIsAnArrayIsAnInvalidResponse() {
        emulator.enqueue(Route.CANCEL_OPEN_CYPHER_QUERY, Fault.respond(200, "application/json", "[1,2]"));

        env.neptune().cancelOpenCypherQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("must be a JSON object"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aSlowlyDrippedBodyIsDecodedPieceByPiece() {
        emulator.addOpenCypherQuery("drip", "MATCH (n) RETURN n");
        emulator.enqueue(Route.GET_OPEN_CYPHER_QUERY_STATUS, Fault.normal().withDrip(1, Duration.ofMillis(1)));

        env.neptune().getOpenCypherQueryStatus("drip")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.queryString()).isEqualTo("MATCH (n) RETURN n"))
            .verifyComplete();
    }
}
