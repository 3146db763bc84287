package io.querystop.cloudtrail;

import io.querystop.cloudtrail.errors.CloudTrailException;
import io.querystop.cloudtrail.errors.InactiveQueryException;
import io.querystop.cloudtrail.errors.QueryIdNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.querystop.RetryPolicy;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.RecordedRequest;
import io.querystop.emulator.Route;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.ServiceModels;
import io.querystop.testing.ServiceModels.ModeledError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class CloudTrailClientIntegrationTests {

    private static final String QUERY_ID = "0b7d2ba5-9e21-4c2f-8a4b-d3b6f0c1e2a7";

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void cancelQueryCancelsARunningQuery() throws Exception {
        emulator.addCloudTrailQuery(QUERY_ID, "RUNNING");

        env.cloudTrail().cancelQuery(new CancelQueryRequest(QUERY_ID, null, "123456789012"))
            .as(StepVerifier::create)
            .assertNext(response -> {
                assertThat(response.queryId()).isEqualTo(QUERY_ID);
                assertThat(response.queryStatus()).isSameAs(QueryStatus.CANCELLED);
                assertThat(response.eventDataStoreOwnerAccountId()).isEqualTo("123456789012");
            })
            .verifyComplete();

        RecordedRequest request = emulator.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/");
        assertThat(request.header("X-Amz-Target"))
            .isEqualTo("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.CancelQuery");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
        assertThat(request.signatureValid()).as(request.signatureProblem()).isTrue();
        assertThat(request.bodyUtf8())
            .isEqualTo("{\"QueryId\":\"" + QUERY_ID + "\",\"EventDataStoreOwnerAccountId\":\"123456789012\"}");
        assertThat(emulator.state(Route.CLOUDTRAIL_CANCEL_QUERY, QUERY_ID)).contains("CANCELLED");
    }

    @Test
    void allMembersAreSentWhenSet() throws Exception {
        emulator.addCloudTrailQuery(QUERY_ID, "QUEUED");
        String store = "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE";

        env.cloudTrail().cancelQuery(new CancelQueryRequest(QUERY_ID, store, "123456789012"))
            .as(StepVerifier::create).expectNextCount(1).verifyComplete();

        JsonNode body = new ObjectMapper().readTree(emulator.takeRequest().body());
        assertThat(body.get("EventDataStore").asText()).isEqualTo(store);
        assertThat(body.get("QueryId").asText()).isEqualTo(QUERY_ID);
        assertThat(body.get("EventDataStoreOwnerAccountId").asText()).isEqualTo("123456789012");
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void aFinishedQueryAnswersInactiveQueryException() {
        emulator.addCloudTrailQuery(QUERY_ID, "FINISHED");

        env.cloudTrail().cancelQuery(QUERY_ID)
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(InactiveQueryException.class);
                assertThat(((InactiveQueryException) error).statusCode()).isEqualTo(400);
                assertThat(((InactiveQueryException) error).errorMessage()).contains(QUERY_ID);
            })
            .verify();
    }

    @Test
    void anUnknownQueryAnswersQueryIdNotFoundException() {
        env.cloudTrail().cancelQuery(QUERY_ID)
            .as(StepVerifier::create)
            .expectError(QueryIdNotFoundException.class)
            .verify();
    }

    @Test
    void anUnknownStatusValueIsKeptNotRejected() {
        emulator.enqueue(Route.CLOUDTRAIL_CANCEL_QUERY, Fault.respond(200, "application/x-amz-json-1.1",
            "{\"QueryId\":\"" + QUERY_ID + "\",\"QueryStatus\":\"PAUSED_FOR_LUNCH\",\"Extra\":{\"x\":1}}"));

        env.cloudTrail().cancelQuery(QUERY_ID)
            .as(StepVerifier::create)
            .assertNext(response -> {
                assertThat(response.queryStatus().value()).isEqualTo("PAUSED_FOR_LUNCH");
                assertThat(response.queryStatus().isKnown()).isFalse();
                assertThat(response.eventDataStoreOwnerAccountId()).isNull();
            })
            .verifyComplete();
    }

    static List<ModeledError> modeledErrors() {
        return ServiceModels.errors("cloudtrail-2013-11-01.json", "CancelQuery");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("modeledErrors")
    void everyModeledErrorMapsToItsType(ModeledError modeled) {
        emulator.enqueue(Route.CLOUDTRAIL_CANCEL_QUERY, Fault.respond(400, "application/x-amz-json-1.1",
            "{\"__type\":\"com.amazonaws.cloudtrail.v20131101#" + modeled.code() + "\",\"Message\":\"about "
                + modeled.code() + "\"}").withHeader("x-amzn-RequestId", "rid-1"));

        env.cloudTrail().cancelQuery(QUERY_ID)
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error.getClass().getName()).isEqualTo("io.querystop.cloudtrail.errors." + modeled.code());
                CloudTrailException cloudTrail = (CloudTrailException) error;
                assertThat(cloudTrail.errorCode()).isEqualTo(modeled.code());
                assertThat(cloudTrail.errorMessage()).isEqualTo("about " + modeled.code());
                assertThat(cloudTrail.requestId()).isEqualTo("rid-1");
                assertThat(cloudTrail.statusCode()).isEqualTo(400);
                assertThat(cloudTrail.isRetryable()).isFalse();
                assertThat(cloudTrail.details().serviceName()).isEqualTo("CloudTrail");
            })
            .verify();
    }

    @Test
    void theModelListsTenErrors() {
        assertThat(modeledErrors()).hasSize(10);
    }

    @Test
    void cloudTrailsThrottlingIsThrottling() {
        emulator.enqueue(Route.CLOUDTRAIL_CANCEL_QUERY, Fault.error(400, "ThrottlingException", "Rate exceeded"));

        env.cloudTrail(b -> b.retryPolicy(RetryPolicy.none())).cancelQuery(QUERY_ID)
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isExactlyInstanceOf(CloudTrailException.class);
                assertThat(((CloudTrailException) error).isThrottling()).isTrue();
                assertThat(((CloudTrailException) error).isRetryable()).isTrue();
            })
            .verify();
    }
}
