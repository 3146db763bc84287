package io.querystop.neptunedata;

import io.querystop.neptunedata.errors.BulkLoadIdNotFoundException;
import io.querystop.neptunedata.errors.InvalidParameterException;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.querystop.ConnectionPoolStats;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.RecordedRequest;
import io.querystop.emulator.Route;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class NeptuneDataClientIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void cancelGremlinQueryCancelsARunningQuery() throws Exception {
        emulator.addGremlinQuery("q-1");
        NeptuneDataClient neptune = env.neptune();

        neptune.cancelGremlinQuery("q-1")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();

        RecordedRequest request = emulator.takeRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.rawPath()).isEqualTo("/gremlin/status/q-1");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.signatureValid()).as(request.signatureProblem()).isTrue();
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Content-Type")).isNull();
        assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + emulator.port());
        assertThat(request.header("User-Agent")).startsWith("querystop/");
        assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "q-1")).contains("CANCELLED");
    }

    @Test
    void cancellingTheSameGremlinQueryTwiceGivesTheServicesInvalidIdError() {
        emulator.addGremlinQuery("q-2");
        NeptuneDataClient neptune = env.neptune();
        neptune.cancelGremlinQuery("q-2").block(Duration.ofSeconds(10));

        neptune.cancelGremlinQuery("q-2")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(InvalidParameterException.class);
                InvalidParameterException invalid = (InvalidParameterException) error;
                assertThat(invalid.statusCode()).isEqualTo(400);
                assertThat(invalid.errorCode()).isEqualTo("InvalidParameterException");
                assertThat(invalid.errorMessage()).isEqualTo("Supplied queryId q-2 is invalid");
                assertThat(invalid.requestId()).isNotBlank();
                assertThat(invalid.operationName()).isEqualTo("CancelGremlinQuery");
                assertThat(invalid.isRetryable()).isFalse();
                assertThat(invalid.isThrottling()).isFalse();
            })
            .verify();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "unset"})
    void cancelOpenCypherQuerySendsSilentOnlyWhenSet(String silent) throws Exception {
        emulator.addOpenCypherQuery("oc-1", "MATCH (n) RETURN n");
        Boolean value = silent.equals("unset") ? null : Boolean.valueOf(silent);

        env.neptune().cancelOpenCypherQuery(new CancelOpenCypherQueryRequest("oc-1", value))
            .as(StepVerifier::create)
            .assertNext(response -> {
                assertThat(response.status()).isEqualTo("200 OK");
                assertThat(response.payload()).isTrue();
            })
            .verifyComplete();

        RecordedRequest request = emulator.takeRequest();
        assertThat(request.rawPath()).isEqualTo("/opencypher/status/oc-1");
        assertThat(request.rawQuery()).isEqualTo(value == null ? null : "silent=" + value);
        assertThat(request.signatureValid()).as(request.signatureProblem()).isTrue();
    }

    @Test
    void cancelLoaderJobCancelsAnActiveJobAndThenAnswersNotFound() {
        emulator.addLoaderJob("load-1");
        NeptuneDataClient neptune = env.neptune();

        neptune.cancelLoaderJob("load-1")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();
        assertThat(emulator.state(Route.CANCEL_LOADER_JOB, "load-1")).contains("LOAD_CANCELLED_BY_USER");

        neptune.cancelLoaderJob("load-1")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertThat(error).isInstanceOf(BulkLoadIdNotFoundException.class);
                assertThat(((BulkLoadIdNotFoundException) error).statusCode()).isEqualTo(404);
            })
            .verify();
    }

    @Test
    void cancelLoaderJobAcceptsAnEmptySuccessBody() {
        emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.respond(200, null, ""));

        env.neptune().cancelLoaderJob("load-empty")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isNull())
            .verifyComplete();
    }

    @Test
    void getOpenCypherQueryStatusReadsEveryMemberAndKeepsSubqueriesAsPlainJavaValues() throws Exception {
        emulator.addOpenCypherQuery("oc-2", "MATCH (n) RETURN count(n)",
            new ObjectMapper().readTree("{\"scan\": [1, 2.5, {\"deep\": null}], \"n\": 3}"));

        env.neptune().getOpenCypherQueryStatus("oc-2")
            .as(StepVerifier::create)
            .assertNext(response -> {
                assertThat(response.queryId()).isEqualTo("oc-2");
                assertThat(response.queryString()).isEqualTo("MATCH (n) RETURN count(n)");
                QueryEvalStats stats = response.queryEvalStats();
                assertThat(stats.waited()).isZero();
                assertThat(stats.elapsed()).isNotNegative();
                assertThat(stats.cancelled()).isFalse();
                java.util.Map<String, Object> deep = new java.util.HashMap<>();
                deep.put("deep", null);
                assertThat(stats.subqueries()).isEqualTo(java.util.Map.of("scan", java.util.List.of(1L, 2.5, deep),
                    "n", 3L));
            })
            .verifyComplete();
    }

    @Test
    void unknownMembersAreSkippedAndAbsentMembersAreNull() {
        emulator.enqueue(Route.GET_OPEN_CYPHER_QUERY_STATUS, Fault.respond(200, "application/json",
            "{\"future\":{\"a\":[1,{\"b\":true}]},\"queryId\":\"oc-3\",\"queryEvalStats\":{\"newField\":1}}"));

        env.neptune().getOpenCypherQueryStatus("oc-3")
            .as(StepVerifier::create)
            .assertNext(response -> {
                assertThat(response.queryId()).isEqualTo("oc-3");
                assertThat(response.queryString()).isNull();
                assertThat(response.queryEvalStats()).isEqualTo(new QueryEvalStats(null, null, null, null));
            })
            .verifyComplete();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "../loader/x", "a?b=c", "a#frag", "100%", "a+b", "a&b=c", "with space",
        "line\r\nX-Injected: yes", "ünïcødé-查询-🚀", "..a", "a..", "~tilde_-.", "semi;colon", "%2F", "a\\b"})
    void trickyIdsReachTheServerExactly(String id) throws Exception {
        emulator.addGremlinQuery(id);

        env.neptune().cancelGremlinQuery(id)
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();

        RecordedRequest request = emulator.takeRequest();
        assertThat(request.route()).isEqualTo(Route.CANCEL_GREMLIN_QUERY);
        assertThat(request.id()).isEqualTo(id);
        assertThat(request.rawPath()).startsWith("/gremlin/status/").doesNotContain(" ", "?", "#", "\r", "\n");
        assertThat(request.rawPath().substring("/gremlin/status/".length())).doesNotContain("/");
        assertThat(request.header("X-Injected")).isNull();
        assertThat(request.signatureValid()).as(request.signatureProblem()).isTrue();
    }

    @Test
    void trickyIdsWorkOnEveryNeptuneRoute() throws Exception {
        String id = "x/../y?z#%20 é";
        emulator.addOpenCypherQuery(id, "RETURN 1").addLoaderJob(id);
        NeptuneDataClient neptune = env.neptune();

        assertThat(neptune.getOpenCypherQueryStatus(id).block(Duration.ofSeconds(10)).queryId()).isEqualTo(id);
        assertThat(neptune.cancelOpenCypherQuery(id).block(Duration.ofSeconds(10)).payload()).isTrue();
        assertThat(neptune.cancelLoaderJob(id).block(Duration.ofSeconds(10)).status()).isEqualTo("200 OK");
        for (int i = 0; i < 3; i++) {
            assertThat(emulator.takeRequest().id()).isEqualTo(id);
        }
    }

    @Test
    void nothingIsSentBeforeSubscriptionAndEachSubscriptionIsANewCall() {
        // Warmed up (credentials cached, a connection open), so that a request sent too early would arrive at once.
        NeptuneDataClient neptune = env.warmedUpNeptune(b -> { });
        emulator.addGremlinQuery("lazy");
        Mono<CancelGremlinQueryResponse> cancel = neptune.cancelGremlinQuery("lazy");

        assertThat(env.nextRequest(Duration.ofMillis(500))).as("a request sent without a subscriber").isNull();

        cancel.as(StepVerifier::create).expectNextCount(1).verifyComplete();
        cancel.as(StepVerifier::create).expectError(InvalidParameterException.class).verify();
        assertThat(emulator.requestCount()).isEqualTo(2);
    }

    @Test
    void connectionsAreReusedAcrossSequentialCalls() {
        NeptuneDataClient neptune = env.neptune();
        for (int i = 0; i < 20; i++) {
            emulator.addGremlinQuery("reuse-" + i);
            neptune.cancelGremlinQuery("reuse-" + i).block(Duration.ofSeconds(10));
            // The Mono completes just before its connection is back in the pool; the next call waits for that.
            assertThat(Await.until(() -> {
                ConnectionPoolStats stats = neptune.connectionPoolStats();
                return stats.active() == 0 && stats.idle() == 1;
            })).as("one open connection, idle, after call %d: %s", i, neptune.connectionPoolStats()).isTrue();
        }
    }

    @Test
    void manyConcurrentCallsEachGetExactlyOneAnswer() {
        NeptuneDataClient neptune = env.neptune();
        int calls = 500;
        for (int i = 0; i < calls; i++) {
            emulator.addGremlinQuery("c-" + i);
        }
        AtomicInteger ok = new AtomicInteger();
        reactor.core.publisher.Flux.range(0, calls)
            .flatMap(i -> neptune.cancelGremlinQuery("c-" + i), 64)
            .doOnNext(response -> ok.incrementAndGet())
            .as(StepVerifier::create)
            .expectNextCount(calls)
            .verifyComplete();
        assertThat(ok).hasValue(calls);
        assertThat(emulator.requestCount()).isEqualTo(calls);
    }

    @Test
    void aBasePathInTheEndpointIsKeptInFrontOfTheOperationPath() throws Exception {
        try (Emulator proxied = Emulator.builder().basePath("/neptune").start()) {
            proxied.addGremlinQuery("bp");
            NeptuneDataClient neptune = env.neptune(b -> b.endpoint(proxied.endpoint() + "/")
                .credentialsProvider(proxied.credentialsProvider()));

            neptune.cancelGremlinQuery("bp").as(StepVerifier::create).expectNextCount(1).verifyComplete();

            RecordedRequest request = proxied.takeRequest();
            assertThat(request.rawPath()).isEqualTo("/neptune/gremlin/status/bp");
            assertThat(request.signatureValid()).as(request.signatureProblem()).isTrue();
        }
    }

    @Test
    void theRegionIsTakenFromANeptuneHostName() {
        NeptuneDataClient neptune = NeptuneDataClient.builder()
            .endpoint("https://db.cluster-abc123.eu-west-2.neptune.amazonaws.com:8182")
            .credentialsProvider(emulator.credentialsProvider())
            .build();
        try {
            assertThat(neptune.region()).isEqualTo("eu-west-2");
            assertThat(neptune.toString()).contains("eu-west-2").doesNotContain(Emulator.DEFAULT_SECRET_ACCESS_KEY);
        } finally {
            neptune.close();
        }
    }

    @Test
    void callsAfterCloseFailWithoutSendingAnything() {
        NeptuneDataClient neptune = env.neptune();
        neptune.closeLater().block(Duration.ofSeconds(10));

        neptune.cancelGremlinQuery("late")
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed"))
            .verify();
        assertThat(emulator.requestCount()).isZero();
    }
}
