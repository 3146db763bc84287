package io.querystop.neptunedata;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.RetryPolicy;
import io.querystop.neptunedata.errors.NeptuneDataException;
import io.querystop.testing.CannedServer;
import io.querystop.testing.ServiceModels;
import io.querystop.testing.ServiceModels.ModeledError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The listing and status operations on the wire, against a canned loopback server: what each sends (checked against
 * the model's method, URI and query parameter names), how each success body decodes, and every modeled error of each.
 */
class NeptuneDataStatusOperationsIntegrationTests {

    private static final String MODEL = "neptunedata-2023-08-01.json";

    private final CannedServer server = CannedServer.start();
    private final NeptuneDataClient neptune = NeptuneDataClient.builder()
        .endpoint(server.endpoint())
        .region("us-east-1")
        .retryPolicy(RetryPolicy.none())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTATUSOPS",
            "status-ops-secret")))
        .build();

    @AfterEach
    void close() throws Exception {
        neptune.close(Duration.ofSeconds(10));
        server.close();
    }

    /** One operation's call, what it must send, the body it gets and the record that body must become. */
    record Case(String operation, Function<NeptuneDataClient, Mono<?>> call, String path, String query, String body,
                Object expected) {
        @Override
        public String toString() {
            return operation + (query == null ? "" : "?" + query);
        }
    }

    static Stream<Case> cases() {
        QueryEvalStats running = new QueryEvalStats(5, 1200, false, 0L);
        Map<String, Object> nested = new HashMap<>();
        nested.put("scan", List.of(1L, 2.5, "x", true));
        nested.put("none", null);
        QueryEvalStats waiting = new QueryEvalStats(30, 0, true, nested);
        String list = "{\"acceptedQueryCount\":3,\"runningQueryCount\":1,\"future\":[1],\"queries\":["
            + "{\"queryId\":\"q-1\",\"queryString\":\"g.V().count()\",\"queryEvalStats\":{\"waited\":5,"
            + "\"elapsed\":1200,\"cancelled\":false,\"subqueries\":0}},"
            + "{\"queryId\":\"q-2\",\"queryEvalStats\":{\"waited\":30,\"elapsed\":0,\"cancelled\":true,"
            + "\"subqueries\":{\"scan\":[1,2.5,\"x\",true],\"none\":null}}}]}";
        List<GremlinQueryStatus> queries = List.of(new GremlinQueryStatus("q-1", "g.V().count()", running),
            new GremlinQueryStatus("q-2", null, waiting));
        String status = "{\"queryId\":\"q/1\",\"queryString\":\"g.V()\",\"queryEvalStats\":{\"waited\":0,"
            + "\"elapsed\":7,\"cancelled\":false,\"subqueries\":0}}";
        String engine = "{\"status\":\"healthy\",\"startTime\":\"Thu Aug 24 21:47:12 UTC 2023\","
            + "\"dbEngineVersion\":\"1.3.2.0.R1\",\"role\":\"reader\",\"dfeQueryEngine\":\"viaQueryHint\","
            + "\"gremlin\":{\"version\":\"tinkerpop-3.7.1\"},\"sparql\":{\"version\":\"sparql-1.1\"},"
            + "\"opencypher\":{\"version\":\"Neptune-9.0.20190305-1.0\"},\"labMode\":{\"ObjectIndex\":\"disabled\"},"
            + "\"rollingBackTrxCount\":0,\"features\":{\"ResultCache\":{\"status\":\"disabled\"},"
            + "\"Streams\":\"disabled\"},\"settings\":{\"clusterQueryTimeoutInMs\":\"120000\",\"numeric\":5000}}";
        Map<String, Object> features = new java.util.LinkedHashMap<>();
        features.put("ResultCache", Map.of("status", "disabled"));
        features.put("Streams", "disabled");
        String loadStatus = "{\"status\":\"200 OK\",\"payload\":{\"feedCount\":[{\"LOAD_IN_PROGRESS\":1}],"
            + "\"overallStatus\":{\"fullUri\":\"s3://bucket/key\",\"status\":\"LOAD_IN_PROGRESS\","
            + "\"startTime\":1700000000,\"totalTimeSpent\":3600,\"totalRecords\":12345678901}}}";
        Map<String, Object> overall = new java.util.LinkedHashMap<>();
        overall.put("fullUri", "s3://bucket/key");
        overall.put("status", "LOAD_IN_PROGRESS");
        overall.put("startTime", 1700000000L);
        overall.put("totalTimeSpent", 3600L);
        overall.put("totalRecords", 12345678901L);
        return Stream.of(
            new Case("ListGremlinQueries", c -> c.listGremlinQueries(new ListGremlinQueriesRequest()),
                "/gremlin/status", null, list, new ListGremlinQueriesResponse(3, 1, queries)),
            new Case("ListGremlinQueries", c -> c.listGremlinQueries(new ListGremlinQueriesRequest(true)),
                "/gremlin/status", "includeWaiting=true", list, new ListGremlinQueriesResponse(3, 1, queries)),
            new Case("ListOpenCypherQueries", c -> c.listOpenCypherQueries(new ListOpenCypherQueriesRequest(false)),
                "/opencypher/status", "includeWaiting=false", list, new ListOpenCypherQueriesResponse(3, 1, queries)),
            new Case("GetGremlinQueryStatus", c -> c.getGremlinQueryStatus("q/1"), "/gremlin/status/q%2F1", null,
                status, new GetGremlinQueryStatusResponse("q/1", "g.V()", new QueryEvalStats(0, 7, false, 0L))),
            new Case("GetEngineStatus", NeptuneDataClient::getEngineStatus, "/status", null, engine,
                new GetEngineStatusResponse("healthy", "Thu Aug 24 21:47:12 UTC 2023", "1.3.2.0.R1", "reader",
                    "viaQueryHint", new QueryLanguageVersion("tinkerpop-3.7.1"), new QueryLanguageVersion("sparql-1.1"),
                    new QueryLanguageVersion("Neptune-9.0.20190305-1.0"), Map.of("ObjectIndex", "disabled"), 0, null,
                    features, Map.of("clusterQueryTimeoutInMs", "120000", "numeric", "5000"))),
            new Case("ListLoaderJobs", c -> c.listLoaderJobs(new ListLoaderJobsRequest()), "/loader", null,
                "{\"status\":\"200 OK\",\"payload\":{\"loadIds\":[\"l-2\",\"l-1\"]}}",
                new ListLoaderJobsResponse("200 OK", new LoaderIdResult(List.of("l-2", "l-1")))),
            new Case("ListLoaderJobs", c -> c.listLoaderJobs(new ListLoaderJobsRequest(5, false)), "/loader",
                "limit=5&includeQueuedLoads=false", "{\"status\":\"200 OK\",\"payload\":{\"loadIds\":[]}}",
                new ListLoaderJobsResponse("200 OK", new LoaderIdResult(List.of()))),
            new Case("GetLoaderJobStatus", c -> c.getLoaderJobStatus("l 1"), "/loader/l%201", null, loadStatus,
                new GetLoaderJobStatusResponse("200 OK", Map.of("feedCount", List.of(Map.of("LOAD_IN_PROGRESS", 1L)),
                    "overallStatus", overall))),
            new Case("GetLoaderJobStatus", c -> c.getLoaderJobStatus(new GetLoaderJobStatusRequest("l-1", true, true,
                2, 10)), "/loader/l-1", "details=true&errors=true&page=2&errorsPerPage=10", loadStatus,
                new GetLoaderJobStatusResponse("200 OK", Map.of("feedCount", List.of(Map.of("LOAD_IN_PROGRESS", 1L)),
                    "overallStatus", overall))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sendsWhatTheModelSaysAndDecodesTheAnswer(Case c) {
        server.enqueue(200, c.body());

        c.call().apply(neptune)
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response).isEqualTo(c.expected()))
            .verifyComplete();

        CannedServer.Request sent = server.takeRequest();
        ServiceModels.Http model = ServiceModels.http(MODEL, c.operation());
        assertThat(sent.method()).isEqualTo(model.method());
        assertThat(sent.path()).matches(model.requestUri().replaceAll("\\{[^}]+}", "[^/]+"));
        assertThat(sent.path()).isEqualTo(c.path());
        assertThat(sent.query()).isEqualTo(c.query());
        if (c.query() != null) {
            for (String parameter : c.query().split("&")) {
                assertThat(model.queryParameters()).containsValue(parameter.substring(0, parameter.indexOf('=')));
            }
        }
        assertThat(sent.body()).isEmpty();
        assertThat(sent.header("content-type")).isNull();
        assertThat(sent.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTATUSOPS/")
            .contains("/us-east-1/neptune-db/aws4_request");
    }

    @Test
    void theLoaderStatusAccessorsReadTheOverallStatus() {
        server.enqueue(200, "{\"status\":\"200 OK\",\"payload\":{\"overallStatus\":{\"status\":\"LOAD_FAILED\","
            + "\"startTime\":1555574461,\"totalTimeSpent\":3}}}");

        neptune.getLoaderJobStatus("l-1")
            .as(StepVerifier::create)
            .assertNext(response -> {
                assertThat(response.loadStatus()).isEqualTo("LOAD_FAILED");
                assertThat(response.startTime()).isEqualTo(1555574461L);
                assertThat(response.totalTimeSpent()).isEqualTo(3L);
                assertThat(response.overallStatus()).containsEntry("status", "LOAD_FAILED");
            })
            .verifyComplete();
        assertThat(new GetLoaderJobStatusResponse("200 OK", List.of(1L)).loadStatus()).isNull();
        assertThat(new GetLoaderJobStatusResponse(null, null).startTime()).isNull();
    }

    @Test
    void aQuerysAgeIsWaitedPlusElapsed() {
        assertThat(new QueryEvalStats(30, 1200, false, null).ageMillis()).isEqualTo(1230L);
        assertThat(new QueryEvalStats(Integer.MAX_VALUE, Integer.MAX_VALUE, null, null).ageMillis())
            .isEqualTo(2L * Integer.MAX_VALUE);
        assertThat(new QueryEvalStats(null, 7, null, null).ageMillis()).isEqualTo(7L);
        assertThat(new QueryEvalStats(null, null, null, null).ageMillis()).isZero();
    }

    @Test
    void theEngineStatusSaysWhetherTheInstanceIsTheWriter() {
        server.enqueue(200, "{\"status\":\"healthy\",\"role\":\"writer\"}");
        neptune.getEngineStatus()
            .as(StepVerifier::create)
            .assertNext(status -> assertThat(status.writer()).isTrue())
            .verifyComplete();
        assertThat(new GetEngineStatusResponse(null, null, null, "reader", null, null, null, null, null, null, null,
            null, null).writer()).isFalse();
    }

    @Test
    void emptyBodiesAndNullMembersReadAsNull() {
        server.enqueue(200, "{\"queries\":null,\"acceptedQueryCount\":null}").enqueue(200, "");

        neptune.listGremlinQueries(new ListGremlinQueriesRequest())
            .as(StepVerifier::create)
            .assertNext(r -> assertThat(r).isEqualTo(new ListGremlinQueriesResponse(null, null, null)))
            .verifyComplete();
        neptune.getLoaderJobStatus("l-1")
            .as(StepVerifier::create)
            .assertNext(r -> assertThat(r).isEqualTo(new GetLoaderJobStatusResponse(null, null)))
            .verifyComplete();
    }

    @Test
    void aMemberOfTheWrongTypeIsAnInvalidResponseNamingIt() {
        server.enqueue(200, "{\"queries\":{\"not\":\"an array\"}}");

        neptune.listOpenCypherQueries(new ListOpenCypherQueriesRequest())
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(io.querystop.InvalidResponseException.class)
                .hasMessageContaining("ListOpenCypherQueries")
                .hasMessageContaining("member 'queries' must be an array"))
            .verify();
    }

    static List<ModeledError> modeledErrors() {
        return ServiceModels.errors(MODEL, "ListGremlinQueries", "GetGremlinQueryStatus", "ListOpenCypherQueries",
            "GetEngineStatus", "ListLoaderJobs", "GetLoaderJobStatus");
    }

    @Test
    void theModelListsTheErrorsWeExpect() {
        assertThat(modeledErrors()).hasSize(16 + 16 + 17 + 8 + 12 + 13);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modeledErrors")
    void everyModeledErrorMapsToItsType(ModeledError modeled) {
        server.enqueue(modeled.status(), "application/x-amz-json-1.0", "{\"code\":\"" + modeled.code()
            + "\",\"detailedMessage\":\"detail of " + modeled.code() + "\",\"requestId\":\"r-1\"}");

        call(modeled.operation())
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error.getClass().getName()).isEqualTo("io.querystop.neptunedata.errors." + modeled.code());
                NeptuneDataException neptuneError = (NeptuneDataException) error;
                assertThat(neptuneError.statusCode()).isEqualTo(modeled.status());
                assertThat(neptuneError.errorCode()).isEqualTo(modeled.code());
                assertThat(neptuneError.errorMessage()).isEqualTo("detail of " + modeled.code());
                assertThat(neptuneError.operationName()).isEqualTo(modeled.operation());
                boolean retryable = modeled.retryable() || modeled.status() >= 500 || modeled.status() == 429;
                assertThat(neptuneError.isRetryable()).as("retryable").isEqualTo(retryable);
            })
            .verify();
    }

    private Mono<?> call(String operation) {
        return switch (operation) {
            case "ListGremlinQueries" -> neptune.listGremlinQueries(new ListGremlinQueriesRequest(true));
            case "GetGremlinQueryStatus" -> neptune.getGremlinQueryStatus("q-1");
            case "ListOpenCypherQueries" -> neptune.listOpenCypherQueries(new ListOpenCypherQueriesRequest(true));
            case "GetEngineStatus" -> neptune.getEngineStatus();
            case "ListLoaderJobs" -> neptune.listLoaderJobs(new ListLoaderJobsRequest());
            case "GetLoaderJobStatus" -> neptune.getLoaderJobStatus("l-1");
            default -> throw new java.lang.IllegalArgumentException(operation);
        };
    }

    @Test
    void callsAreColdAndLazy() {
        Mono<ListGremlinQueriesResponse> call = neptune.listGremlinQueries(new ListGremlinQueriesRequest());
        assertThat(server.pendingRequests()).isZero();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            server.enqueue(200, "{\"acceptedQueryCount\":" + i + "}");
            call.as(StepVerifier::create).assertNext(r -> counts.add(r.acceptedQueryCount())).verifyComplete();
            server.takeRequest();
        }
        assertThat(counts).containsExactly(0, 1);
    }
}
