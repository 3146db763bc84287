package io.querystop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import io.querystop.neptunedata.errors.AccessDeniedException;
import io.querystop.testing.EmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class EmulatorIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    private Tuple2<Integer, String> raw(HttpMethod method, String path) {
        return HttpClient.create().request(method).uri(emulator.endpoint() + path)
            .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                .map(text -> reactor.util.function.Tuples.of(response.status().code(), text)))
            .block(Duration.ofSeconds(10));
    }

    @Test
    void anUnsignedRequestIsRefusedAndChangesNothing() throws Exception {
        emulator.addGremlinQuery("q");

        Tuple2<Integer, String> answer = raw(HttpMethod.DELETE, "/gremlin/status/q");

        assertThat(answer.getT1()).isEqualTo(403);
        assertThat(answer.getT2()).contains("\"code\":\"AccessDeniedException\"", "Missing Authentication Token");
        assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "q")).contains("RUNNING");
        assertThat(emulator.takeRequest().signatureValid()).isFalse();
    }

    @Test
    void anUnknownKeyIsRefused() {
        env.neptune(b -> b.credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDSOMEONEELSE", "secret"))))
            .cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("unknown access key"))
            .verify();
    }

    @Test
    void aClientClockOffByMoreThanFiveMinutesIsRefusedWithADateTheClientCorrectsItselfBy() throws Exception {
        emulator.addGremlinQuery("q");
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));

        env.neptune(b -> b.clock(late).retryPolicy(io.querystop.RetryPolicy.none())).cancelGremlinQuery("q")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();

        RecordedRequest refused = emulator.takeRequest();
        assertThat(refused.signatureProblem()).startsWith("Signature expired");
        assertThat(emulator.takeRequest().signatureValid()).isTrue();
    }

    @Test
    void unknownRoutesGetABadRequestAndNeverTouchState() {
        emulator.addGremlinQuery("a").addLoaderJob("x").addOpenCypherQuery("c", "RETURN 1");

        assertThat(raw(HttpMethod.PUT, "/gremlin/status/a").getT1()).isEqualTo(400); // GET is GetGremlinQueryStatus
        assertThat(raw(HttpMethod.DELETE, "/gremlin/status/a/b").getT1()).isEqualTo(400);
        assertThat(raw(HttpMethod.PUT, "/loader/x").getT1()).isEqualTo(400);
        assertThat(raw(HttpMethod.POST, "/opencypher/status/c").getT1()).isEqualTo(400);
        assertThat(raw(HttpMethod.POST, "/").getT2()).contains("BadRequestException");

        assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "a")).contains("RUNNING");
        assertThat(emulator.state(Route.CANCEL_LOADER_JOB, "x")).contains("LOAD_IN_PROGRESS");
        assertThat(emulator.state(Route.CANCEL_OPEN_CYPHER_QUERY, "c")).contains("RUNNING");
    }

    @Test
    void queuedFaultsAreUsedOnceInOrderThenTheNormalAnswerReturns() {
        emulator.addLoaderJob("l");
        emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.error(500, "InternalFailureException", "first"));
        emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.error(405, "MethodNotAllowedException", "read replica"));
        var neptune = env.neptune(b -> b.retryPolicy(io.querystop.RetryPolicy.none()));

        neptune.cancelLoaderJob("l").as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error)
                .isExactlyInstanceOf(io.querystop.neptunedata.errors.InternalFailureException.class)
                .hasMessageStartingWith("CancelLoaderJob: first (Service: NeptuneData, Status Code: 500, "
                    + "Error Code: InternalFailureException, Request ID: "))
            .verify();
        neptune.cancelLoaderJob("l").as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error)
                .isExactlyInstanceOf(io.querystop.neptunedata.errors.MethodNotAllowedException.class))
            .verify();
        assertThat(emulator.state(Route.CANCEL_LOADER_JOB, "l")).contains("LOAD_IN_PROGRESS");
        neptune.cancelLoaderJob("l").as(StepVerifier::create).expectNextCount(1).verifyComplete();
        assertThat(emulator.state(Route.CANCEL_LOADER_JOB, "l")).contains("LOAD_CANCELLED_BY_USER");
    }
}
