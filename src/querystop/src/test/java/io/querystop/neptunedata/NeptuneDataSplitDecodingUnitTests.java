package io.querystop.neptunedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.testing.SplitBodies;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The listing and status bodies, split at every byte boundary, decode to the same record as the whole body. */
class NeptuneDataSplitDecodingUnitTests {

    static Stream<Arguments> bodies() {
        Function<JsonNode, Object> gremlinList = NeptuneDataResponses::listGremlinQueries;
        Function<JsonNode, Object> openCypherList = NeptuneDataResponses::listOpenCypherQueries;
        Function<JsonNode, Object> gremlinStatus = NeptuneDataResponses::getGremlinQueryStatus;
        Function<JsonNode, Object> engine = NeptuneDataResponses::getEngineStatus;
        Function<JsonNode, Object> loads = NeptuneDataResponses::listLoaderJobs;
        Function<JsonNode, Object> load = NeptuneDataResponses::getLoaderJobStatus;
        String queries = "{\"acceptedQueryCount\":2,\"runningQueryCount\":1,\"queries\":[{\"queryId\":\"q-é-🚀\","
            + "\"queryString\":\"g.V().has('name','O\\u2019Brien\\n')\",\"queryEvalStats\":{\"waited\":0,"
            + "\"elapsed\":2147483647,\"cancelled\":false,\"subqueries\":{\"a\":[1.5e3,-2,true,\"ß\"],"
            + "\"n\":12345678901234567890}}},{\"queryId\":\"q-2\",\"queryEvalStats\":{\"subqueries\":null}}]}";
        return Stream.of(
            Arguments.of("list gremlin", queries, gremlinList),
            Arguments.of("list openCypher", queries, openCypherList),
            Arguments.of("gremlin status", "{\"queryId\":\"q\",\"queryString\":\"g.V()\",\"queryEvalStats\":"
                + "{\"waited\":3,\"elapsed\":4,\"cancelled\":true,\"subqueries\":[]}}", gremlinStatus),
            Arguments.of("engine status", "{\"status\":\"healthy\",\"role\":\"writer\",\"gremlin\":{\"version\":"
                + "\"tinkerpop-3.7.1\"},\"features\":{\"ResultCache\":{\"status\":\"disabled\"},\"x\":[1,{}]},"
                + "\"settings\":{\"clusterQueryTimeoutInMs\":\"120000\"},\"labMode\":{}}", engine),
            Arguments.of("list loads", "{\"status\":\"200 OK\",\"payload\":{\"loadIds\":[\"a\",\"b\",\"c\"]}}", loads),
            Arguments.of("load status", "{\"status\":\"200 OK\",\"payload\":{\"overallStatus\":{\"status\":"
                + "\"LOAD_FAILED\",\"startTime\":1555574461,\"totalTimeSpent\":3.25},\"failedFeeds\":[{\"fullUri\":"
                + "\"s3://b/k\",\"status\":\"LOAD_FAILED\"}],\"errors\":{\"errorLogs\":[]}}}", load));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void everySplitDecodesToTheSameRecord(String name, String body, Function<JsonNode, Object> mapper) {
        assertThat(SplitBodies.assertEverySplitMapsAlike(body, mapper)).isNotNull();
    }
}
