package io.querystop.neptunedata;

import io.querystop.neptunedata.errors.BadRequestException;
import io.querystop.neptunedata.errors.NeptuneDataException;
import io.querystop.neptunedata.errors.ParsingException;
import io.querystop.neptunedata.errors.ThrottlingException;
import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.AwsServiceException;
import io.querystop.RetryPolicy;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.ServiceModels;
import io.querystop.testing.ServiceModels.ModeledError;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class NeptuneDataErrorsIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    /** These tests read how one answer maps; retries are covered by the resilience tests. */
    private static NeptuneDataClient oneAttempt() {
        return env.neptune(b -> b.retryPolicy(RetryPolicy.none()));
    }

    static List<ModeledError> modeledErrors() {
        return ServiceModels.errors("neptunedata-2023-08-01.json", "CancelGremlinQuery", "CancelOpenCypherQuery",
            "CancelLoaderJob", "GetOpenCypherQueryStatus");
    }

    private static Route route(String operation) {
        return switch (operation) {
            case "CancelGremlinQuery" -> Route.CANCEL_GREMLIN_QUERY;
            case "CancelOpenCypherQuery" -> Route.CANCEL_OPEN_CYPHER_QUERY;
            case "CancelLoaderJob" -> Route.CANCEL_LOADER_JOB;
            case "GetOpenCypherQueryStatus" -> Route.GET_OPEN_CYPHER_QUERY_STATUS;
            default -> throw new java.lang.IllegalArgumentException(operation);
        };
    }

    private static Mono<?> call(NeptuneDataClient neptune, String operation) {
        return switch (operation) {
            case "CancelGremlinQuery" -> neptune.cancelGremlinQuery("id-1");
            case "CancelOpenCypherQuery" -> neptune.cancelOpenCypherQuery("id-1");
            case "CancelLoaderJob" -> neptune.cancelLoaderJob("id-1");
            case "GetOpenCypherQueryStatus" -> neptune.getOpenCypherQueryStatus("id-1");
            default -> throw new java.lang.IllegalArgumentException(operation);
        };
    }

    @Test
    void theModelListsTheErrorsWeExpect() {
        assertThat(modeledErrors()).hasSize(14 + 15 + 13 + 17);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modeledErrors")
    void everyModeledErrorMapsToItsType(ModeledError modeled) {
        emulator.enqueue(route(modeled.operation()), Fault.error(modeled.status(), modeled.code(), "detail of "
            + modeled.code()));

        call(oneAttempt(), modeled.operation())
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error.getClass().getName()).isEqualTo("io.querystop.neptunedata.errors." + modeled.code());
                NeptuneDataException neptune = (NeptuneDataException) error;
                assertThat(neptune.statusCode()).isEqualTo(modeled.status());
                assertThat(neptune.errorCode()).isEqualTo(modeled.code());
                assertThat(neptune.errorMessage()).isEqualTo("detail of " + modeled.code());
                assertThat(neptune.requestId()).isNotBlank();
                assertThat(neptune.operationName()).isEqualTo(modeled.operation());
                assertThat(neptune.details().serviceName()).isEqualTo("NeptuneData");
                assertThat(neptune.attempts()).isEqualTo(1);
                boolean retryable = modeled.retryable() || modeled.status() >= 500 || modeled.status() == 429;
                assertThat(neptune.isRetryable()).as("retryable").isEqualTo(retryable);
                assertThat(neptune.getMessage()).contains(modeled.operation(), modeled.code(),
                    "Status Code: " + modeled.status(), neptune.requestId());
            })
            .verify();
    }

    static Stream<Arguments> codeSources() {
        String ns = "com.amazonaws.neptunedata#BadRequestException:http://internal.amazon.com/coral/com.amazon.x/";
        return Stream.of(
            Arguments.of("body code", Fault.respond(400, "application/x-amz-json-1.0",
                "{\"code\":\"BadRequestException\",\"detailedMessage\":\"m\"}")),
            Arguments.of("body code with namespace and suffix", Fault.respond(400, "application/json",
                "{\"code\":\"" + ns + "\",\"detailedMessage\":\"m\"}")),
            Arguments.of("body __type", Fault.respond(400, "application/json",
                "{\"__type\":\"BadRequestException\",\"message\":\"m\"}")),
            Arguments.of("header wins over body", Fault.respond(400, "application/json",
                "{\"code\":\"ParsingException\",\"Message\":\"m\"}").withHeader("x-amzn-errortype", ns)),
            Arguments.of("code wins over __type", Fault.respond(400, "application/json",
                "{\"code\":\"BadRequestException\",\"__type\":\"ParsingException\",\"detailedMessage\":\"m\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeSources")
    void theErrorCodeIsResolvedAsTheProtocolSays(String description, Fault fault) {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, fault);

        oneAttempt().cancelGremlinQuery("x")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(BadRequestException.class);
                assertThat(((AwsServiceException) error).errorMessage()).isEqualTo("m");
            })
            .verify();
    }

    @Test
    void neptunesThrottlingExceptionWithStatus500CountsAsThrottling() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "slow down"));

        oneAttempt().cancelGremlinQuery("x")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(ThrottlingException.class);
                assertThat(((ThrottlingException) error).isThrottling()).isTrue();
                assertThat(((ThrottlingException) error).isRetryable()).isTrue();
                assertThat(((ThrottlingException) error).statusCode()).isEqualTo(500);
            })
            .verify();
    }

    @Test
    void anUnknownCodeKeepsItsCodeOnTheBaseType() {
        emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.error(418, "BrandNewException", "new"));

        oneAttempt().cancelLoaderJob("x")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(NeptuneDataException.class);
                assertThat(((NeptuneDataException) error).errorCode()).isEqualTo("BrandNewException");
                assertThat(((NeptuneDataException) error).statusCode()).isEqualTo(418);
                assertThat(((NeptuneDataException) error).isRetryable()).isFalse();
            })
            .verify();
    }

    @Test
    void aProxysHtmlPageIsAnErrorWithItsStatusNotAParseCrash() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(502, "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));

        oneAttempt().cancelGremlinQuery("x")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(NeptuneDataException.class);
                NeptuneDataException neptune = (NeptuneDataException) error;
                assertThat(neptune.statusCode()).isEqualTo(502);
                assertThat(neptune.errorCode()).isNull();
                assertThat(neptune.errorMessage()).contains("non-JSON", "text/html", "502 Bad Gateway");
                assertThat(neptune.isRetryable()).isTrue();
            })
            .verify();
    }

    @Test
    void anEmptyErrorBodyIsAnErrorWithItsStatus() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(503, null, "")
            .withHeader("x-amzn-RequestId", "req-503"));

        oneAttempt().cancelGremlinQuery("x")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                NeptuneDataException neptune = (NeptuneDataException) error;
                assertThat(neptune.statusCode()).isEqualTo(503);
                assertThat(neptune.errorCode()).isNull();
                assertThat(neptune.errorMessage()).isNull();
                assertThat(neptune.requestId()).isEqualTo("req-503");
                assertThat(neptune.isRetryable()).isTrue();
            })
            .verify();
    }

    @Test
    void aJsonErrorBodyOfTheWrongShapeIsStillAnError() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(400, "application/json",
            "{\"code\": 42, \"detailedMessage\": [\"not\", \"a\", \"string\"]}"));

        oneAttempt().cancelGremlinQuery("x")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(NeptuneDataException.class);
                assertThat(((NeptuneDataException) error).statusCode()).isEqualTo(400);
                assertThat(((NeptuneDataException) error).errorCode()).isNull();
            })
            .verify();
    }

    @Test
    void a429WithoutACodeIsThrottling() {
        emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(429, null, ""));

        oneAttempt().cancelGremlinQuery("x")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(((NeptuneDataException) error).isThrottling()).isTrue())
            .verify();
    }
}
