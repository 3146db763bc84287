package io.querystop.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.AwsErrorDetails;
import io.querystop.AwsServiceException;
import io.querystop.CallOptions;
import io.querystop.CallTimeoutException;
import io.querystop.ConnectTimeoutException;
import io.querystop.CredentialsUnavailableException;
import io.querystop.InvalidInputException;
import io.querystop.InvalidResponseException;
import io.querystop.PoolAcquireTimeoutException;
import io.querystop.ResponseTimeoutException;
import io.querystop.ResponseTooLargeException;
import io.querystop.TransportException;
import io.querystop.observation.CallOutcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Every failure the client signals maps to one outcome and error code; the unobserved stage changes nothing. */
class OutcomesUnitTests {

    private static final Predicate<Throwable> NEVER = error -> false;

    private static AwsServiceException service(int status, String code, boolean throttling) {
        return new AwsServiceException(new AwsErrorDetails("NeptuneData", "CancelGremlinQuery", status, code, "m",
            "req-1", throttling, false));
    }

    @Test
    void eachFailureHasItsOutcome() {
        Duration second = Duration.ofSeconds(1);
        assertThat(Outcomes.of(null, NEVER)).isEqualTo(CallOutcome.SUCCESS);
        assertThat(Outcomes.of(service(400, "InvalidParameterException", false), error -> true))
            .isEqualTo(CallOutcome.NOT_RUNNING);
        assertThat(Outcomes.of(service(500, "ThrottlingException", true), NEVER)).isEqualTo(CallOutcome.THROTTLED);
        assertThat(Outcomes.of(service(429, null, true), NEVER)).isEqualTo(CallOutcome.THROTTLED);
        assertThat(Outcomes.of(service(400, "BadRequestException", false), NEVER))
            .isEqualTo(CallOutcome.CLIENT_ERROR);
        assertThat(Outcomes.of(service(503, null, false), NEVER)).isEqualTo(CallOutcome.SERVER_ERROR);
        assertThat(Outcomes.of(new CallTimeoutException("Op", second), NEVER)).isEqualTo(CallOutcome.TIMEOUT);
        assertThat(Outcomes.of(new ConnectTimeoutException("Op", "h", second, null), NEVER))
            .isEqualTo(CallOutcome.TIMEOUT);
        assertThat(Outcomes.of(new ResponseTimeoutException("Op", "h", second, null), NEVER))
            .isEqualTo(CallOutcome.TIMEOUT);
        assertThat(Outcomes.of(new PoolAcquireTimeoutException("Op", "h", "full", null), NEVER))
            .isEqualTo(CallOutcome.TIMEOUT);
        assertThat(Outcomes.of(new TransportException("Op", "h", "reset", null), NEVER))
            .isEqualTo(CallOutcome.TRANSPORT_ERROR);
        assertThat(Outcomes.of(new InvalidResponseException("Op", "h", 200, "garbage", null), NEVER))
            .isEqualTo(CallOutcome.TRANSPORT_ERROR);
        assertThat(Outcomes.of(new ResponseTooLargeException("Op", 200, 10), NEVER))
            .isEqualTo(CallOutcome.TRANSPORT_ERROR);
        assertThat(Outcomes.of(new InvalidInputException("queryId", "blank"), NEVER))
            .isEqualTo(CallOutcome.CLIENT_ERROR);
        assertThat(Outcomes.of(new CredentialsUnavailableException("none", null), NEVER))
            .isEqualTo(CallOutcome.CLIENT_ERROR);
        assertThat(Outcomes.of(new IllegalStateException("the client is closed"), NEVER))
            .isEqualTo(CallOutcome.CLIENT_ERROR);
    }

    @Test
    void theErrorCodeIsTheServicesElseTheTypesName() {
        assertThat(Outcomes.errorCode(null)).isNull();
        assertThat(Outcomes.errorCode(service(400, "BadRequestException", false))).isEqualTo("BadRequestException");
        assertThat(Outcomes.errorCode(service(503, null, false))).isEqualTo("AwsServiceException");
        assertThat(Outcomes.errorCode(new TransportException("Op", "h", "reset", null)))
            .isEqualTo("TransportException");
    }

    @Test
    void outcomeValuesAreLowerCaseNames() {
        assertThat(CallOutcome.NOT_RUNNING.value()).isEqualTo("not_running");
        assertThat(CallOutcome.TRANSPORT_ERROR.value()).isEqualTo("transport_error");
    }

    @Test
    void theUnobservedStageRunsTheCallWithTheCallersOptionsAsTheyAre() {
        CallOptions options = CallOptions.defaults().withCallTimeout(Duration.ofSeconds(3));
        AtomicReference<CallOptions> seen = new AtomicReference<>();

        CallObservations.NONE.observe("Op", "id", options, call -> {
            seen.set(call.options());
            return Mono.just("answer");
        }).as(StepVerifier::create).expectNext("answer").verifyComplete();

        assertThat(seen.get()).isSameAs(options); // no attempt observer added: no per-attempt timing either
    }
}
