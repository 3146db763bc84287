package io.querystop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.querystop.cloudtrail.CancelQueryResponse;
import io.querystop.cloudtrail.DescribeQueryResponse;
import io.querystop.cloudtrail.EventDataStore;
import io.querystop.cloudtrail.ListEventDataStoresResponse;
import io.querystop.cloudtrail.ListQueriesResponse;
import io.querystop.cloudtrail.Query;
import io.querystop.cloudtrail.QueryStatisticsForDescribeQuery;
import io.querystop.cloudtrail.QueryStatus;
import io.querystop.neptunedata.GetEngineStatusResponse;
import io.querystop.neptunedata.GetLoaderJobStatusResponse;
import io.querystop.neptunedata.GetOpenCypherQueryStatusResponse;
import io.querystop.neptunedata.GremlinQueryStatus;
import io.querystop.neptunedata.ListGremlinQueriesResponse;
import io.querystop.neptunedata.ListLoaderJobsResponse;
import io.querystop.neptunedata.LoaderIdResult;
import io.querystop.neptunedata.QueryEvalStats;
import io.querystop.neptunedata.QueryLanguageVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response records serialise as the JSON one expects with Jackson 2 (Spring Boot 3, with the java.time module and
 * ISO dates as Boot configures it) and with Jackson 3 (Spring Boot 4, defaults): documents as their JSON values
 * ({@code "subqueries":0}, not a tree node's bean properties), statuses as strings, no helper method as a property.
 */
class JsonStacksUnitTests {

    private static final ObjectMapper JACKSON2 = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper PARSER = new ObjectMapper();

    static Stream<Arguments> responses() {
        Instant created = Instant.ofEpochSecond(1700000000, 123_000_000);
        return Stream.of(
            Arguments.of(new GetOpenCypherQueryStatusResponse("q-1", "RETURN 1", new QueryEvalStats(0, 5, false, 0L)),
                "{\"queryId\":\"q-1\",\"queryString\":\"RETURN 1\",\"queryEvalStats\":{\"waited\":0,\"elapsed\":5,"
                    + "\"cancelled\":false,\"subqueries\":0}}"),
            Arguments.of(new ListGremlinQueriesResponse(2, 1, List.of(new GremlinQueryStatus("q", null,
                    new QueryEvalStats(1, 2, true, Map.of("scan", List.of(1L, 2.5, "x")))))),
                "{\"acceptedQueryCount\":2,\"runningQueryCount\":1,\"queries\":[{\"queryId\":\"q\",\"queryString\":null,"
                    + "\"queryEvalStats\":{\"waited\":1,\"elapsed\":2,\"cancelled\":true,\"subqueries\":{\"scan\":"
                    + "[1,2.5,\"x\"]}}}]}"),
            Arguments.of(new GetEngineStatusResponse("healthy", null, "1.3", "writer", null,
                    new QueryLanguageVersion("3.7"), null, null, Map.of(), 0, null,
                    Map.of("ResultCache", Map.of("status", "disabled")), Map.of("clusterQueryTimeoutInMs", "120000")),
                "{\"status\":\"healthy\",\"startTime\":null,\"dbEngineVersion\":\"1.3\",\"role\":\"writer\","
                    + "\"dfeQueryEngine\":null,\"gremlin\":{\"version\":\"3.7\"},\"sparql\":null,\"opencypher\":null,"
                    + "\"labMode\":{},\"rollingBackTrxCount\":0,\"rollingBackTrxEarliestStartTime\":null,"
                    + "\"features\":{\"ResultCache\":{\"status\":\"disabled\"}},"
                    + "\"settings\":{\"clusterQueryTimeoutInMs\":\"120000\"}}"),
            Arguments.of(new ListLoaderJobsResponse("200 OK", new LoaderIdResult(List.of("a", "b"))),
                "{\"status\":\"200 OK\",\"payload\":{\"loadIds\":[\"a\",\"b\"]}}"),
            Arguments.of(new GetLoaderJobStatusResponse("200 OK", Map.of("overallStatus", Map.of("status",
                    "LOAD_COMPLETED", "startTime", 1555574461L))),
                "{\"status\":\"200 OK\",\"payload\":{\"overallStatus\":{\"status\":\"LOAD_COMPLETED\","
                    + "\"startTime\":1555574461}}}"),
            Arguments.of(new CancelQueryResponse("q", QueryStatus.RUNNING, null),
                "{\"queryId\":\"q\",\"queryStatus\":\"RUNNING\",\"eventDataStoreOwnerAccountId\":null}"),
            Arguments.of(new ListQueriesResponse(List.of(new Query("q", QueryStatus.of("NEW_STATUS"), created)), null),
                "{\"queries\":[{\"queryId\":\"q\",\"queryStatus\":\"NEW_STATUS\",\"creationTime\":"
                    + "\"2023-11-14T22:13:20.123Z\"}],\"nextToken\":null}"),
            Arguments.of(new DescribeQueryResponse("q", "SELECT 1", QueryStatus.FINISHED,
                    new QueryStatisticsForDescribeQuery(1L, 2L, 3L, 4, created), null, null, null, null, null),
                "{\"queryId\":\"q\",\"queryString\":\"SELECT 1\",\"queryStatus\":\"FINISHED\",\"queryStatistics\":"
                    + "{\"eventsMatched\":1,\"eventsScanned\":2,\"bytesScanned\":3,\"executionTimeInMillis\":4,"
                    + "\"creationTime\":\"2023-11-14T22:13:20.123Z\"},\"errorMessage\":null,\"deliveryS3Uri\":null,"
                    + "\"deliveryStatus\":null,\"prompt\":null,\"eventDataStoreOwnerAccountId\":null}"),
            Arguments.of(new ListEventDataStoresResponse(List.of(new EventDataStore("arn:1", "n", null, null, null,
                    null, null, null, null)), "t"),
                "{\"eventDataStores\":[{\"eventDataStoreArn\":\"arn:1\",\"name\":\"n\",\"terminationProtectionEnabled\":"
                    + "null,\"status\":null,\"multiRegionEnabled\":null,\"organizationEnabled\":null,\"retentionPeriod\":"
                    + "null,\"createdTimestamp\":null,\"updatedTimestamp\":null}],\"nextToken\":\"t\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void jackson2WritesTheExpectedJson(Object response, String expected) throws Exception {
        assertThat(PARSER.readTree(JACKSON2.writeValueAsString(response))).isEqualTo(PARSER.readTree(expected));
    }

    @Tag("jackson3") // the compatibility module, on Jackson 2.19, leaves it out
    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void jackson3WritesTheExpectedJson(Object response, String expected) throws Exception {
        JsonNode written = PARSER.readTree(Jackson3.MAPPER.writeValueAsString(response));
        assertThat(written).isEqualTo(PARSER.readTree(expected));
    }

    /**
     * Jackson 3 loaded only by its own test: it needs jackson-annotations 2.20 or later, which an application on
     * Jackson 2.19 (Spring Boot 3.5) does not have, and there the Jackson 2 test must still run.
     */
    private static final class Jackson3 {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }
}
