package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.InvalidResponseException;
import io.querystop.QuerystopException;
import io.querystop.ResponseTimeoutException;
import io.querystop.ResponseTooLargeException;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.TransportException;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.errors.AccessDeniedException;
import io.querystop.neptunedata.errors.BadRequestException;
import io.querystop.neptunedata.errors.InvalidParameterException;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.errors.NeptuneDataException;
import io.querystop.neptunedata.errors.ThrottlingException;
import io.querystop.testing.EmulatorExtension;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Every fault of the resilience issue against the emulator: the exact terminal signal, the number of attempts the
 * emulator saw, and (checked by the extensions after each test) zero active pooled connections, no leak report and no
 * blocked thread. Standard mode with the backoff shortened so the suite stays fast; the real backoff delays are
 * checked in virtual time by {@link RetryBackoffVirtualTimeTests}.
 */
class FaultInjectionIntegrationTests {

    static final RetryPolicy FAST_STANDARD = RetryPolicy.standard().toBuilder()
        .backoff(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)).build();
    /**
     * The response timeout of scenarios that do not mean to trip it. An attempt timed out by accident is retried, and
     * a retried cancel that the emulator had already carried out finds the query gone ("Supplied queryId q is
     * invalid"): under a load of ~20 on 2 cores, answers were seen to take more than the 800 ms used before.
     */
    static final Duration HANG_GUARD = Duration.ofSeconds(10);
    /** For scenarios where every attempt must time out: a slow machine only makes them time out surer. */
    static final Duration SHORT = Duration.ofMillis(800);
    /**
     * For a scenario where the first attempt must time out and the second must not: the second's answer has this
     * long on a busy machine, so it is a compromise between the suite's time and robustness.
     */
    static final Duration ONE_TIMEOUT = Duration.ofSeconds(5);
    static final String HTML_BODY = "<html><body><h1>Service Temporarily Unavailable</h1></body></html>";

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    /** Faults queued for the Gremlin cancel of a running query "q", what the caller gets, and attempts made. */
    record Scenario(String name, List<Fault> faults, Class<? extends Throwable> error, String status, int attempts,
                    Duration responseTimeout) {

        Scenario(String name, List<Fault> faults, Class<? extends Throwable> error, String status, int attempts) {
            this(name, faults, error, status, attempts, HANG_GUARD);
        }

        Scenario withResponseTimeout(Duration timeout) {
            return new Scenario(name, faults, error, status, attempts, timeout);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        Fault html503 = Fault.respond(503, "text/html", HTML_BODY);
        return Stream.of(
            new Scenario("reset before the response, once", List.of(Fault.reset()), null, "200 OK", 2),
            new Scenario("reset before the response, always",
                List.of(Fault.reset(), Fault.reset(), Fault.reset()), TransportException.class, null, 3),
            new Scenario("keep-alive connection closed before answering, once", List.of(Fault.close()), null,
                "200 OK", 2),
            new Scenario("close mid-body: the cancel happened, the retry finds it finished",
                List.of(Fault.closeMidBody()), InvalidParameterException.class, null, 2),
            new Scenario("slow drip within the response timeout",
                List.of(Fault.normal().withDrip(2, Duration.ofMillis(20))), null, "200 OK", 1),
            new Scenario("slow drip beyond the response timeout, always",
                List.of(drip(), drip(), drip()), ResponseTimeoutException.class, null, 3).withResponseTimeout(SHORT),
            new Scenario("never answers, always",
                List.of(Fault.noResponse(), Fault.noResponse(), Fault.noResponse()),
                ResponseTimeoutException.class, null, 3).withResponseTimeout(SHORT),
            new Scenario("headers delayed beyond the response timeout, once",
                List.of(Fault.normal().withHeaderDelay(ONE_TIMEOUT.multipliedBy(2))), InvalidParameterException.class,
                null, 2).withResponseTimeout(ONE_TIMEOUT),
            new Scenario("500 HTML, once", List.of(Fault.respond(500, "text/html", HTML_BODY)), null, "200 OK", 2),
            new Scenario("502 HTML, once", List.of(Fault.respond(502, "text/html", HTML_BODY)), null, "200 OK", 2),
            new Scenario("503 HTML, always", List.of(html503, html503, html503), NeptuneDataException.class, null, 3),
            new Scenario("504 HTML, twice", List.of(Fault.respond(504, "text/html", HTML_BODY),
                Fault.respond(504, "text/html", HTML_BODY)), null, "200 OK", 3),
            new Scenario("429 burst of two", List.of(Fault.respond(429, null, ""), Fault.respond(429, null, "")),
                null, "200 OK", 3),
            new Scenario("Neptune 500 ThrottlingException, always", List.of(throttle(), throttle(), throttle()),
                ThrottlingException.class, null, 3),
            new Scenario("truncated JSON", List.of(Fault.respond(200, "application/json", "{\"status\":\"20")),
                InvalidResponseException.class, null, 1),
            new Scenario("JSON with wrong types", List.of(Fault.respond(200, "application/json", "{\"status\":200}")),
                InvalidResponseException.class, null, 1),
            new Scenario("body over the size cap",
                List.of(Fault.respond(200, "application/json", "{\"status\":\"" + "x".repeat(2 << 20) + "\"}")),
                ResponseTooLargeException.class, null, 1),
            new Scenario("400 BadRequestException is never retried",
                List.of(Fault.error(400, "BadRequestException", "no")), BadRequestException.class, null, 1));
    }

    private static Fault drip() {
        return Fault.normal().withHeaderDelay(Duration.ofMillis(10)).withDrip(1, Duration.ofMillis(1200));
    }

    private static Fault throttle() {
        return Fault.error(500, "ThrottlingException", "Rate exceeded");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachFaultEndsWithTheExpectedSignalAfterTheExpectedAttempts(Scenario scenario) {
        emulator.addGremlinQuery("q");
        scenario.faults().forEach(fault -> emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, fault));
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(FAST_STANDARD)
            .timeouts(Timeouts.defaults().withResponse(scenario.responseTimeout())));

        var verifier = neptune.cancelGremlinQuery("q").as(StepVerifier::create);
        if (scenario.error() == null) {
            verifier.assertNext(response -> assertThat(response.status()).isEqualTo(scenario.status()))
                .expectComplete()
                .verify(Duration.ofSeconds(40));
        } else {
            verifier.expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(scenario.error());
                    assertThat(((QuerystopException) error).attempts()).isEqualTo(scenario.attempts());
                })
                .verify(Duration.ofSeconds(40));
        }
        assertThat(emulator.requestCount()).as("attempts the emulator saw").isEqualTo(scenario.attempts());
    }

    @Test
    void theServerClosingIdleKeepAliveConnectionsBetweenCallsCostsNoFailure() throws Exception {
        LoopResources loops = LoopResources.create("idle-close-test", 1, true);
        try (Emulator closing = Emulator.builder().idleTimeout(Duration.ofMillis(100)).start()) {
            NeptuneDataClient neptune = env.neptune(b -> b.endpoint(closing.endpoint().toString())
                .credentialsProvider(closing.credentialsProvider()).retryPolicy(RetryPolicy.none())
                .loopResources(loops));
            for (int i = 0; i < 4; i++) {
                closing.addGremlinQuery("idle-" + i);
                neptune.cancelGremlinQuery("idle-" + i).as(StepVerifier::create).expectNextCount(1).verifyComplete();
                awaitIdleConnectionsClosed(closing, loops);
            }
            assertThat(closing.requestCount()).isEqualTo(4);
            neptune.closeLater().block(Duration.ofSeconds(10));
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
        }
    }

    /**
     * Returns once the server has closed the client's idle connection and the client has taken the close in. A probe
     * connection opened now idles out after the client's, on the same server event loop, so its close comes second;
     * then a task submitted to the client's one event loop runs only after that loop has read the earlier close.
     */
    private static void awaitIdleConnectionsClosed(Emulator server, LoopResources clientLoops) throws Exception {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            probe.setSoTimeout(10_000);
            assertThat(probe.getInputStream().read()).as("the server closed the idle probe").isEqualTo(-1);
        }
        clientLoops.onClient(true).next().submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBadSignatureIsRefusedOnceAndNotRetried() {
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(FAST_STANDARD).credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulator.DEFAULT_ACCESS_KEY_ID, "wrong"))));

        neptune.cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(AccessDeniedException.class);
                assertThat(((AccessDeniedException) error).statusCode()).isEqualTo(403);
            })
            .verify(Duration.ofSeconds(10));
        assertThat(emulator.requestCount()).isEqualTo(1);
    }

    @Test
    void clockSkewIsCorrectedOnceAndTheOffsetIsKeptForLaterCalls() {
        emulator.addGremlinQuery("a").addGremlinQuery("b");
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(RetryPolicy.none())
            .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(45))));

        neptune.cancelGremlinQuery("a").as(StepVerifier::create).expectNextCount(1).verifyComplete();
        assertThat(emulator.requestCount()).isEqualTo(2);
        neptune.cancelGremlinQuery("b").as(StepVerifier::create).expectNextCount(1).verifyComplete();
        assertThat(emulator.requestCount()).as("the second call needed no correction").isEqualTo(3);
    }

    @Test
    void anExhaustedRetryQuotaStopsRetryingAndSuccessesRefillIt() {
        RetryPolicy smallQuota = FAST_STANDARD.toBuilder().retryQuota(10, 5).build();
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(smallQuota));
        Fault unavailable = Fault.respond(503, null, "");
        for (int i = 0; i < 3; i++) {
            emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, unavailable);
        }

        // two retries take all 10 tokens; the call fails after 3 attempts and refunds nothing
        neptune.cancelGremlinQuery("q").as(StepVerifier::create).expectError(NeptuneDataException.class)
            .verify(Duration.ofSeconds(10));
        assertThat(emulator.requestCount()).isEqualTo(3);

        // with the quota empty, the next failure is returned at once
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, unavailable);
        neptune.cancelGremlinQuery("q").as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(((NeptuneDataException) error).attempts()).isEqualTo(1))
            .verify(Duration.ofSeconds(10));
        assertThat(emulator.requestCount()).isEqualTo(4);

        // five first-attempt successes give back one token each: enough for one retry again
        for (int i = 0; i < 5; i++) {
            emulator.addGremlinQuery("ok-" + i);
            neptune.cancelGremlinQuery("ok-" + i).block(Duration.ofSeconds(10));
        }
        emulator.addGremlinQuery("q2");
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, unavailable);
        neptune.cancelGremlinQuery("q2").as(StepVerifier::create).expectNextCount(1).verifyComplete();
        assertThat(emulator.requestCount()).isEqualTo(4 + 5 + 2);
    }

    @Test
    void adaptiveModeRetriesThroughAThrottlingBurstAndCompletesEveryCall() {
        RetryPolicy adaptive = FAST_STANDARD.toBuilder().adaptive(true).maxAttempts(10).build();
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(adaptive));
        for (int i = 0; i < 30; i++) {
            emulator.addGremlinQuery("a-" + i);
        }
        // a burst of five throttling answers, then the service recovers
        emulator.faultPolicy(request -> request.sequence() >= 5 && request.sequence() < 10 ? throttle() : null);

        reactor.core.publisher.Flux.range(0, 30)
            .flatMap(i -> neptune.cancelGremlinQuery("a-" + i), 8)
            .as(StepVerifier::create)
            .expectNextCount(30)
            .expectComplete()
            .verify(Duration.ofSeconds(60));
        assertThat(emulator.requestCount()).isEqualTo(35);
    }
}
