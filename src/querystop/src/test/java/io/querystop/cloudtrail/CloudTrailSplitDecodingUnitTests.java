package io.querystop.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.testing.SplitBodies;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Lake bodies, split at every byte boundary, decode to the same record as the whole body. */
class CloudTrailSplitDecodingUnitTests {

    static Stream<Arguments> bodies() {
        Function<JsonNode, Object> list = CloudTrailResponses::listQueries;
        Function<JsonNode, Object> describe = CloudTrailResponses::describeQuery;
        Function<JsonNode, Object> stores = CloudTrailResponses::listEventDataStores;
        Function<JsonNode, Object> cancel = CloudTrailResponses::cancelQuery;
        return Stream.of(
            Arguments.of("list queries", "{\"Queries\":[{\"QueryId\":\"0b7d2ba5-9e21-4c2f-8a4b-d3b6f0c1e2a7\","
                + "\"QueryStatus\":\"RUNNING\",\"CreationTime\":1.700000000123E9},{\"QueryStatus\":\"Ünknown\"}],"
                + "\"NextToken\":\"AAAA+/=\"}", list),
            Arguments.of("describe query", "{\"QueryId\":\"q\",\"QueryString\":\"SELECT eventName FROM x WHERE "
                + "userIdentity.arn LIKE '%é%'\\n\",\"QueryStatus\":\"FINISHED\",\"QueryStatistics\":{\"EventsMatched\":"
                + "1,\"EventsScanned\":9007199254740993,\"BytesScanned\":12,\"ExecutionTimeInMillis\":5,"
                + "\"CreationTime\":1700000000},\"DeliveryStatus\":\"SUCCESS\"}", describe),
            Arguments.of("list stores", "{\"EventDataStores\":[{\"EventDataStoreArn\":\"arn:aws:cloudtrail:us-east-1:"
                + "1:eventdatastore/x\",\"Name\":\"n\",\"RetentionPeriod\":2557,\"CreatedTimestamp\":1.5E9}]}", stores),
            Arguments.of("cancel query", "{\"QueryId\":\"q\",\"QueryStatus\":\"CANCELLED\"}", cancel));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void everySplitDecodesToTheSameRecord(String name, String body, Function<JsonNode, Object> mapper) {
        assertThat(SplitBodies.assertEverySplitMapsAlike(body, mapper)).isNotNull();
    }
}
