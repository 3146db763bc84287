package io.querystop.cloudtrail;

import static io.querystop.cloudtrail.CloudTrailLakeOperationsIntegrationTests.QUERY_ID;
import static io.querystop.cloudtrail.CloudTrailLakeOperationsIntegrationTests.STORE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querystop.InvalidInputException;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Lake request records refuse members that break the model's constraints, naming the member. */
class LakeRequestValidationUnitTests {

    static Stream<Arguments> badRequests() {
        return Stream.<Arguments>of(
            bad("eventDataStore must not be null", () -> new ListQueriesRequest(null)),
            bad("eventDataStore must be 3 to 256 characters", () -> new ListQueriesRequest("ab")),
            bad("eventDataStore must be an ARN", () -> new ListQueriesRequest("arn with space")),
            bad("nextToken must be 4 to 1000 characters", () -> new ListQueriesRequest(STORE).withNextToken("abc")),
            bad("maxResults must be 1 to 1000, was 0", () -> new ListQueriesRequest(STORE).withMaxResults(0)),
            bad("maxResults must be 1 to 1000, was 1001", () -> new ListQueriesRequest(STORE).withMaxResults(1001)),
            bad("queryId must not be null", () -> new DescribeQueryRequest(null)),
            bad("queryId must be 36 characters", () -> new DescribeQueryRequest("0b7d2ba5")),
            bad("queryId must be a query id", () -> new DescribeQueryRequest(QUERY_ID.toUpperCase())),
            bad("eventDataStoreOwnerAccountId must be digits only",
                () -> new DescribeQueryRequest(QUERY_ID, null, "12345678901a", null, null)),
            bad("queryAlias must be a letter", () -> new DescribeQueryRequest(null, null, null, "1alias", "1234567890")),
            bad("refreshId must be 10 to 20 characters",
                () -> new DescribeQueryRequest(null, null, null, "alias", "123")),
            bad("nextToken must be 4 to 1000 characters", () -> new ListEventDataStoresRequest("x", null)),
            bad("maxResults must be 1 to 1000, was -1", () -> new ListEventDataStoresRequest(null, -1)));
    }

    private static Arguments bad(String message, ThrowingCallable construct) {
        return Arguments.of(message, construct);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusedNamingTheMember(String message, ThrowingCallable construct) {
        assertThatThrownBy(construct)
            .isExactlyInstanceOf(InvalidInputException.class)
            .hasMessageStartingWith(message)
            .extracting(e -> ((InvalidInputException) e).field())
            .isEqualTo(message.substring(0, message.indexOf(' ')));
    }

    @Test
    void theBoundariesPass() {
        new ListQueriesRequest("abc").withMaxResults(1).withNextToken("abcd");
        new ListQueriesRequest(STORE).withMaxResults(1000).withNextToken("x".repeat(1000));
        new DescribeQueryRequest(null, null, null, "a", "1234567890");
        new ListEventDataStoresRequest("abcd", 1000);
    }
}
