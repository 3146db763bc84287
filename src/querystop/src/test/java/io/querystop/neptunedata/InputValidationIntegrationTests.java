package io.querystop.neptunedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querystop.ConnectionPoolSettings;
import io.querystop.Timeouts;
import io.querystop.InvalidInputException;
import io.querystop.cloudtrail.CancelQueryRequest;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** Bad input fails through the Mono (or the builder) with an error naming the field, and nothing is sent. */
class InputValidationIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    static Stream<Arguments> badIds() {
        return Stream.of(
            Arguments.of(null, "must not be null"),
            Arguments.of("", "must not be blank"),
            Arguments.of("   \t", "must not be blank"),
            Arguments.of(".", "must not be '.'"),
            Arguments.of("..", "must not be '..'"),
            Arguments.of("x".repeat(1025), "at most 1024 characters"),
            Arguments.of("bad\uD800surrogate", "unpaired surrogate"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badIds")
    void badIdsFailThroughTheMonoBeforeAnyIo(String id, String problem) {
        NeptuneDataClient neptune = env.neptune();
        for (Function<String, Mono<?>> call : java.util.List.<Function<String, Mono<?>>>of(
            neptune::cancelGremlinQuery, neptune::cancelOpenCypherQuery, neptune::getOpenCypherQueryStatus)) {
            call.apply(id)
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(InvalidInputException.class)
                        .hasMessageStartingWith("queryId ")
                        .hasMessageContaining(problem);
                    assertThat(((InvalidInputException) error).field()).isEqualTo("queryId");
                    assertThat(((InvalidInputException) error).reason()).contains(problem);
                })
                .verify();
        }
        neptune.cancelLoaderJob(id)
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).hasMessageStartingWith("loadId ").hasMessageContaining(problem))
            .verify();
        assertThat(env.emulator().requestCount()).isZero();
    }

    @Test
    void aNullRequestRecordFailsThroughTheMono() {
        env.neptune().cancelGremlinQuery((CancelGremlinQueryRequest) null)
            .as(StepVerifier::create)
            .expectErrorMessage("request must not be null")
            .verify();
        env.cloudTrail().cancelQuery((CancelQueryRequest) null)
            .as(StepVerifier::create)
            .expectErrorMessage("request must not be null")
            .verify();
        assertThat(env.emulator().requestCount()).isZero();
    }

    static Stream<Arguments> badCloudTrailRequests() {
        String id = "0b7d2ba5-9e21-4c2f-8a4b-d3b6f0c1e2a7";
        return Stream.of(
            Arguments.of(null, null, null, "queryId must not be null"),
            Arguments.of("0b7d2ba5", null, null, "queryId must be 36 characters"),
            Arguments.of(id.toUpperCase(), null, null, "queryId must be a query id of lowercase hex"),
            Arguments.of(id.replace('-', '/'), null, null, "queryId must be a query id"),
            Arguments.of(id, "ab", null, "eventDataStore must be 3 to 256 characters"),
            Arguments.of(id, "a".repeat(257), null, "eventDataStore must be 3 to 256 characters"),
            Arguments.of(id, "arn with space", null, "eventDataStore must be an ARN"),
            Arguments.of(id, null, "12345678901", "eventDataStoreOwnerAccountId must be 12 to 16 characters"),
            Arguments.of(id, null, "1234567890123456X", "eventDataStoreOwnerAccountId must be 12 to 16"),
            Arguments.of(id, null, "12345678901a", "eventDataStoreOwnerAccountId must be digits only"));
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @MethodSource("badCloudTrailRequests")
    void cloudTrailMembersBreakingTheModelAreRefused(String queryId, String store, String owner, String message) {
        assertThatThrownBy(() -> new CancelQueryRequest(queryId, store, owner))
            .isExactlyInstanceOf(InvalidInputException.class)
            .hasMessageStartingWith(message)
            .extracting(error -> ((InvalidInputException) error).field())
            .isEqualTo(message.substring(0, message.indexOf(' ')));
        if (store == null && owner == null) {
            env.cloudTrail().cancelQuery(queryId)
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).hasMessageStartingWith(message))
                .verify();
        }
        assertThat(env.emulator().requestCount()).isZero();
    }

    @Test
    void theNeptuneBuilderRequiresAUsableEndpoint() {
        assertThatThrownBy(() -> neptuneBuilder().build()).hasMessageStartingWith("endpoint must be set");
        assertThatThrownBy(() -> neptuneBuilder().endpoint("ftp://host").build())
            .hasMessageStartingWith("endpoint must start with https:// or http://");
        assertThatThrownBy(() -> neptuneBuilder().endpoint("http://[::1").build())
            .hasMessageStartingWith("endpoint is not a valid URL");
        assertThatThrownBy(() -> neptuneBuilder().endpoint("https://user:pw@host").build())
            .hasMessageStartingWith("endpoint must not carry user information")
            .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> neptuneBuilder().endpoint("https://host:8182/?x=1").build())
            .hasMessageStartingWith("endpoint must not have a query");
        assertThatThrownBy(() -> neptuneBuilder().endpoint("https:///nohost").build())
            .hasMessageStartingWith("endpoint has no host");
    }

    @Test
    void settingsAreCheckedAndNamed() {
        assertThatThrownBy(() -> neptuneBuilder().endpoint("http://127.0.0.1:1").region("Not A Region").build())
            .hasMessageStartingWith("region must look like us-east-1");
        assertThatThrownBy(() -> neptuneBuilder().endpoint("http://127.0.0.1:1").maxResponseBytes(0).build())
            .hasMessageStartingWith("maxResponseBytes must be positive");
        assertThatThrownBy(() -> ConnectionPoolSettings.defaults().withMaxConnections(0))
            .hasMessageStartingWith("maxConnections must be positive");
        assertThatThrownBy(() -> Timeouts.defaults().withResponse(Duration.ZERO))
            .hasMessageStartingWith("response must be a positive duration");
        assertThatThrownBy(() -> CloudTrailClient.builder().region("us-east-1").fips(true)
            .endpointOverride("http://127.0.0.1:1").credentialsProvider(AnonymousCredentialsProvider.create()).build())
            .hasMessageStartingWith("fips");
    }

    private static NeptuneDataClient.Builder neptuneBuilder() {
        return NeptuneDataClient.builder().region("us-east-1")
            .credentialsProvider(AnonymousCredentialsProvider.create());
    }
}
