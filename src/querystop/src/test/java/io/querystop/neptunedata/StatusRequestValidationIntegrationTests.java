package io.querystop.neptunedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querystop.InvalidInputException;
import io.querystop.testing.CannedServer;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Bad input to the listing and status operations fails through the Mono, naming the field, and nothing is sent. */
class StatusRequestValidationIntegrationTests {

    private final CannedServer server = CannedServer.start();
    private final NeptuneDataClient neptune = NeptuneDataClient.builder()
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDVALID", "secret")))
        .build();

    @AfterEach
    void close() throws Exception {
        assertThat(server.pendingRequests()).as("requests sent").isZero();
        neptune.close(Duration.ofSeconds(10));
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", ".."})
    void badIdsFailThroughTheMonoNamingTheField(String id) {
        expectInvalid(neptune.getGremlinQueryStatus(id), "queryId");
        expectInvalid(neptune.getLoaderJobStatus(id), "loadId");
    }

    @Test
    void nullIdsAndNullRequestsFailThroughTheMono() {
        expectInvalid(neptune.getGremlinQueryStatus((String) null), "queryId");
        expectInvalid(neptune.getLoaderJobStatus((String) null), "loadId");
        for (Supplier<Mono<?>> call : List.<Supplier<Mono<?>>>of(
            () -> neptune.getGremlinQueryStatus((GetGremlinQueryStatusRequest) null),
            () -> neptune.listGremlinQueries(null),
            () -> neptune.listOpenCypherQueries(null),
            () -> neptune.listLoaderJobs(null),
            () -> neptune.getLoaderJobStatus((GetLoaderJobStatusRequest) null))) {
            expectInvalid(call.get(), "request");
        }
    }

    @Test
    void numbersOutsideTheModelsRangesAreRefusedNamingTheField() {
        assertInvalid(() -> new ListLoaderJobsRequest(0, null), "limit", "must be 1 to 100, was 0");
        assertInvalid(() -> new ListLoaderJobsRequest(101, null), "limit", "must be 1 to 100, was 101");
        assertInvalid(() -> new GetLoaderJobStatusRequest("l", null, true, 0, null), "page", "must be 1 or more, was 0");
        assertInvalid(() -> new GetLoaderJobStatusRequest("l", null, true, 1, -1), "errorsPerPage",
            "must be 1 or more, was -1");
        new ListLoaderJobsRequest(1, true);
        new ListLoaderJobsRequest(100, false);
        new GetLoaderJobStatusRequest("l", true, true, 1, 1);
    }

    private static void assertInvalid(Runnable construct, String field, String reason) {
        assertThatThrownBy(construct::run)
            .isExactlyInstanceOf(InvalidInputException.class)
            .hasMessageStartingWith(field + " " + reason)
            .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    private static void expectInvalid(Mono<?> call, String field) {
        call.as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(InvalidInputException.class);
                assertThat(((InvalidInputException) error).field()).isEqualTo(field);
            })
            .verify();
    }
}
