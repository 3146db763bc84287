package io.querystop.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.querystop.RetryPolicy;
import io.querystop.cloudtrail.errors.CloudTrailException;
import io.querystop.testing.CannedServer;
import io.querystop.testing.ServiceModels;
import io.querystop.testing.ServiceModels.ModeledError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * ListQueries, DescribeQuery and ListEventDataStores on the wire, against a canned loopback server: method, path,
 * {@code X-Amz-Target} (from the model), content type and body members; how each answer decodes; every modeled error.
 */
class CloudTrailLakeOperationsIntegrationTests {

    private static final String MODEL = "cloudtrail-2013-11-01.json";
    static final String QUERY_ID = "0b7d2ba5-9e21-4c2f-8a4b-d3b6f0c1e2a7";
    static final String STORE = "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/EXAMPLE-f852-4e8f";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CannedServer server = CannedServer.start();
    private final CloudTrailClient cloudTrail = CloudTrailClient.builder()
        .region("eu-west-1")
        .endpointOverride(server.endpoint())
        .retryPolicy(RetryPolicy.none())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLAKE", "lake-secret")))
        .build();

    @AfterEach
    void close() throws Exception {
        cloudTrail.close(Duration.ofSeconds(10));
        server.close();
    }

    record Case(String operation, Function<CloudTrailClient, Mono<?>> call, String sentBody, String answer,
                Object expected) {
        @Override
        public String toString() {
            return operation + " " + sentBody;
        }
    }

    static Stream<Case> cases() {
        Instant created = Instant.ofEpochSecond(1700000000, 123_000_000);
        return Stream.of(
            new Case("ListQueries", c -> c.listQueries(new ListQueriesRequest(STORE)),
                "{\"EventDataStore\":\"" + STORE + "\"}",
                "{\"Queries\":[{\"QueryId\":\"" + QUERY_ID + "\",\"QueryStatus\":\"RUNNING\",\"CreationTime\":"
                    + "1.700000000123E9},{\"QueryId\":\"q2\",\"QueryStatus\":\"SOMETHING_NEW\",\"CreationTime\":"
                    + "1700000000}],\"NextToken\":\"next-1\"}",
                new ListQueriesResponse(List.of(new Query(QUERY_ID, QueryStatus.RUNNING, created),
                    new Query("q2", QueryStatus.of("SOMETHING_NEW"), Instant.ofEpochSecond(1700000000))), "next-1")),
            new Case("ListQueries", c -> c.listQueries(new ListQueriesRequest(STORE).withNextToken("tok-1")
                    .withMaxResults(1000).withTimeRange(Instant.ofEpochSecond(1699990000),
                        Instant.ofEpochSecond(1700000000, 500_000_000)).withQueryStatus(QueryStatus.QUEUED)),
                "{\"EventDataStore\":\"" + STORE + "\",\"NextToken\":\"tok-1\",\"MaxResults\":1000,\"StartTime\":"
                    + "1699990000,\"EndTime\":1700000000.5,\"QueryStatus\":\"QUEUED\"}",
                "{}", new ListQueriesResponse(null, null)),
            new Case("DescribeQuery", c -> c.describeQuery(QUERY_ID), "{\"QueryId\":\"" + QUERY_ID + "\"}",
                "{\"QueryId\":\"" + QUERY_ID + "\",\"QueryString\":\"SELECT * FROM x\",\"QueryStatus\":\"FAILED\","
                    + "\"QueryStatistics\":{\"EventsMatched\":12,\"EventsScanned\":3000000000,\"BytesScanned\":"
                    + "9007199254740993,\"ExecutionTimeInMillis\":420,\"CreationTime\":1.700000000123E9},"
                    + "\"ErrorMessage\":\"boom\",\"DeliveryS3Uri\":\"s3://bucket/p\",\"DeliveryStatus\":\"PENDING\","
                    + "\"Prompt\":\"why\",\"EventDataStoreOwnerAccountId\":\"123456789012\",\"New\":{}}",
                new DescribeQueryResponse(QUERY_ID, "SELECT * FROM x", QueryStatus.FAILED,
                    new QueryStatisticsForDescribeQuery(12L, 3000000000L, 9007199254740993L, 420, created), "boom",
                    "s3://bucket/p", "PENDING", "why", "123456789012")),
            new Case("DescribeQuery", c -> c.describeQuery(new DescribeQueryRequest(null, STORE, "123456789012",
                    "my-alias", "1234567890")),
                "{\"EventDataStore\":\"" + STORE + "\",\"QueryAlias\":\"my-alias\",\"RefreshId\":\"1234567890\","
                    + "\"EventDataStoreOwnerAccountId\":\"123456789012\"}",
                "{\"QueryStatus\":\"RUNNING\"}",
                new DescribeQueryResponse(null, null, QueryStatus.RUNNING, null, null, null, null, null, null)),
            new Case("ListEventDataStores", c -> c.listEventDataStores(new ListEventDataStoresRequest()), "{}",
                "{\"EventDataStores\":[{\"EventDataStoreArn\":\"" + STORE + "\",\"Name\":\"audit\"},"
                    + "{\"EventDataStoreArn\":\"arn:2\",\"Name\":\"old\",\"Status\":\"ENABLED\","
                    + "\"TerminationProtectionEnabled\":true,\"MultiRegionEnabled\":false,\"OrganizationEnabled\":"
                    + "false,\"RetentionPeriod\":90,\"CreatedTimestamp\":1600000000,\"UpdatedTimestamp\":1600000001,"
                    + "\"AdvancedEventSelectors\":[]}]}",
                new ListEventDataStoresResponse(List.of(new EventDataStore(STORE, "audit", null, null, null, null, null,
                    null, null), new EventDataStore("arn:2", "old", true, "ENABLED", false, false, 90,
                    Instant.ofEpochSecond(1600000000), Instant.ofEpochSecond(1600000001))), null)),
            new Case("ListEventDataStores", c -> c.listEventDataStores(new ListEventDataStoresRequest("tok-2", 5)),
                "{\"NextToken\":\"tok-2\",\"MaxResults\":5}", "{\"EventDataStores\":[],\"NextToken\":\"tok-3\"}",
                new ListEventDataStoresResponse(List.of(), "tok-3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sendsWhatTheModelSaysAndDecodesTheAnswer(Case c) throws Exception {
        server.enqueue(200, "application/x-amz-json-1.1", c.answer());

        c.call().apply(cloudTrail)
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response).isEqualTo(c.expected()))
            .verifyComplete();

        CannedServer.Request sent = server.takeRequest();
        ServiceModels.Http model = ServiceModels.http(MODEL, c.operation());
        assertThat(sent.method()).isEqualTo(model.method()).isEqualTo("POST");
        assertThat(sent.target()).isEqualTo(model.requestUri()).isEqualTo("/");
        assertThat(sent.header("x-amz-target")).isEqualTo(model.target())
            .isEqualTo("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101." + c.operation());
        assertThat(sent.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(sent.body()).isEqualTo(c.sentBody());
        JsonNode body = JSON.readTree(sent.body());
        JsonNode members = modelInputMembers(c.operation());
        body.fieldNames().forEachRemaining(name -> assertThat(members.has(name)).as("member %s", name).isTrue());
        assertThat(sent.header("authorization")).contains("/eu-west-1/cloudtrail/aws4_request");
    }

    private static JsonNode modelInputMembers(String operation) throws Exception {
        try (var in = CloudTrailLakeOperationsIntegrationTests.class.getResourceAsStream("/aws-models/" + MODEL)) {
            JsonNode model = JSON.readTree(in);
            String input = model.get("operations").get(operation).get("input").get("shape").asText();
            return model.get("shapes").get(input).get("members");
        }
    }

    static List<ModeledError> modeledErrors() {
        return ServiceModels.errors(MODEL, "ListQueries", "DescribeQuery", "ListEventDataStores");
    }

    @Test
    void theModelListsTheErrorsWeExpect() {
        assertThat(modeledErrors()).hasSize(11 + 8 + 5);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modeledErrors")
    void everyModeledErrorMapsToItsType(ModeledError modeled) {
        server.enqueue(modeled.status(), "application/x-amz-json-1.1", "{\"__type\":\"com.amazonaws.cloudtrail."
            + "v20131101#" + modeled.code() + "\",\"Message\":\"detail of " + modeled.code() + "\"}");

        call(modeled.operation())
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error.getClass().getName()).isEqualTo("io.querystop.cloudtrail.errors." + modeled.code());
                CloudTrailException cloudTrailError = (CloudTrailException) error;
                assertThat(cloudTrailError.statusCode()).isEqualTo(modeled.status());
                assertThat(cloudTrailError.errorCode()).isEqualTo(modeled.code());
                assertThat(cloudTrailError.errorMessage()).isEqualTo("detail of " + modeled.code());
                assertThat(cloudTrailError.operationName()).isEqualTo(modeled.operation());
                assertThat(cloudTrailError.details().serviceName()).isEqualTo("CloudTrail");
                assertThat(cloudTrailError.isRetryable()).isFalse();
            })
            .verify();
    }

    private Mono<?> call(String operation) {
        return switch (operation) {
            case "ListQueries" -> cloudTrail.listQueries(new ListQueriesRequest(STORE));
            case "DescribeQuery" -> cloudTrail.describeQuery(QUERY_ID);
            case "ListEventDataStores" -> cloudTrail.listEventDataStores(new ListEventDataStoresRequest());
            default -> throw new java.lang.IllegalArgumentException(operation);
        };
    }

    @Test
    void aTimestampThatIsNotANumberIsAnInvalidResponseNamingTheMember() {
        server.enqueue(200, "{\"Queries\":[{\"QueryId\":\"q\",\"CreationTime\":\"yesterday\"}]}");

        cloudTrail.listQueries(new ListQueriesRequest(STORE))
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(io.querystop.InvalidResponseException.class)
                .hasMessageContaining("member 'CreationTime' must be a timestamp in epoch seconds"))
            .verify();
    }
}
