package io.querystop.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.AwsErrorDetails;
import io.querystop.CallTimeoutException;
import io.querystop.ConnectTimeoutException;
import io.querystop.InvalidInputException;
import io.querystop.InvalidResponseException;
import io.querystop.PoolAcquireTimeoutException;
import io.querystop.ResponseTimeoutException;
import io.querystop.TransportException;
import io.querystop.cloudtrail.errors.InactiveQueryException;
import io.querystop.cloudtrail.errors.QueryIdNotFoundException;
import io.querystop.neptunedata.errors.BulkLoadIdNotFoundException;
import io.querystop.neptunedata.errors.InvalidParameterException;
import io.querystop.neptunedata.errors.NeptuneDataException;
import io.querystop.neptunedata.errors.ThrottlingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** Which status each querystop error becomes, and what the problem detail tells. */
class ProblemDetailsUnitTests {

    @Test
    void notRunningIs404WithCodeAndRequestId() {
        ProblemDetail problem = ProblemDetails.of(new InvalidParameterException(neptune(400, "InvalidParameterException",
            "Supplied queryId q-1 is invalid", false)));
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isEqualTo("Not running");
        assertThat(problem.getDetail()).isEqualTo("Supplied queryId q-1 is invalid");
        assertThat(problem.getProperties()).containsEntry("errorCode", "InvalidParameterException")
            .containsEntry("requestId", "req-1").containsEntry("operation", "CancelGremlinQuery")
            .containsEntry("service", "NeptuneData").containsEntry("serviceStatus", 400);
    }

    @Test
    void everyNotRunningAnswerIs404() {
        assertThat(ProblemDetails.of(new BulkLoadIdNotFoundException(neptune(404, "BulkLoadIdNotFoundException", "gone",
            false))).getStatus()).isEqualTo(404);
        assertThat(ProblemDetails.of(new InactiveQueryException(cloudTrail("InactiveQueryException"))).getStatus())
            .isEqualTo(404);
        assertThat(ProblemDetails.of(new QueryIdNotFoundException(cloudTrail("QueryIdNotFoundException"))).getStatus())
            .isEqualTo(404);
    }

    @Test
    void anInvalidParameterThatIsNot400IsAServiceError() {
        assertThat(ProblemDetails.of(new InvalidParameterException(neptune(500, "InvalidParameterException", "odd",
            false))).getStatus()).isEqualTo(502);
    }

    @Test
    void throttlingIs429() {
        ProblemDetail problem = ProblemDetails.of(new ThrottlingException(neptune(500, "ThrottlingException",
            "slow down", true)));
        assertThat(problem.getStatus()).isEqualTo(429);
        assertThat(problem.getProperties()).containsEntry("errorCode", "ThrottlingException");
    }

    @Test
    void otherServiceErrorsAre502WithTheServicesStatus() {
        ProblemDetail problem = ProblemDetails.of(new NeptuneDataException(neptune(403, "AccessDeniedException",
            "denied", false)));
        assertThat(problem.getStatus()).isEqualTo(502);
        assertThat(problem.getProperties()).containsEntry("serviceStatus", 403)
            .containsEntry("errorCode", "AccessDeniedException");
    }

    @Test
    void timeoutsAndTransportFailuresAre504WithoutTheHost() {
        for (TransportException error : new TransportException[] {
            new ConnectTimeoutException("CancelGremlinQuery", "db-1.internal:8182", Duration.ofSeconds(3), null),
            new ResponseTimeoutException("CancelGremlinQuery", "db-1.internal:8182", Duration.ofSeconds(30), null),
            new TransportException("CancelGremlinQuery", "db-1.internal:8182", "connection reset", null)}) {
            ProblemDetail problem = ProblemDetails.of(error);
            assertThat(problem.getStatus()).as("%s", error).isEqualTo(504);
            assertThat(problem.getProperties()).containsEntry("operation", "CancelGremlinQuery");
            assertThat(problem.toString()).doesNotContain("db-1.internal");
        }
        assertThat(ProblemDetails.of(new CallTimeoutException("CancelQuery", Duration.ofMinutes(2))).getStatus())
            .isEqualTo(504);
    }

    @Test
    void poolSaturationIs503() {
        assertThat(ProblemDetails.of(new PoolAcquireTimeoutException("CancelGremlinQuery", "db:8182", "10 s", null))
            .getStatus()).isEqualTo(503);
    }

    @Test
    void anUnreadableAnswerIs502() {
        assertThat(ProblemDetails.of(new InvalidResponseException("CancelGremlinQuery", 200, "not JSON", null))
            .getStatus()).isEqualTo(502);
    }

    @Test
    void badInputIs400NamingTheField() {
        ProblemDetail problem = ProblemDetails.of(new InvalidInputException("queryId", "must not be blank"));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("field", "queryId");
    }

    @Test
    void otherErrorsAreLeftAlone() {
        assertThat(ProblemDetails.of(new IllegalStateException("closed"))).isNull();
        assertThat(ProblemDetails.of(new RuntimeException("boom"))).isNull();
    }

    private static AwsErrorDetails neptune(int status, String code, String message, boolean throttling) {
        return new AwsErrorDetails("NeptuneData", "CancelGremlinQuery", status, code, message, "req-1", throttling,
            throttling);
    }

    private static AwsErrorDetails cloudTrail(String code) {
        return new AwsErrorDetails("CloudTrail", "CancelQuery", 400, code, "inactive", "req-2", false, false);
    }
}
