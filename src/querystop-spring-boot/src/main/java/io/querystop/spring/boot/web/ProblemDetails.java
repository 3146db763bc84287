package io.querystop.spring.boot.web;

import io.querystop.AwsServiceException;
import io.querystop.CallTimeoutException;
import io.querystop.ConnectTimeoutException;
import io.querystop.InvalidInputException;
import io.querystop.InvalidResponseException;
import io.querystop.PoolAcquireTimeoutException;
import io.querystop.ResponseTimeoutException;
import io.querystop.TransportException;
import io.querystop.cloudtrail.errors.CloudTrailErrors;
import io.querystop.neptunedata.errors.NeptuneDataErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * querystop's errors as RFC 9457 problem details. What an HTTP client of the application learns: the status, a title,
 * the operation, and for a service's answer its error code, message and request id (what AWS support asks for). Never
 * a credential, a signature, or the internal host an endpoint resolves to.
 */
final class ProblemDetails {

    private ProblemDetails() {
    }

    /** The problem detail for a querystop error, or {@code null} for any other error. */
    static ProblemDetail of(Throwable error) {
        if (error instanceof InvalidInputException invalid) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", invalid.getMessage());
            problem.setProperty("field", invalid.field());
            return problem;
        }
        if (error instanceof AwsServiceException service) {
            return service(service);
        }
        if (error instanceof PoolAcquireTimeoutException pool) {
            // Nothing was sent: this application has too many calls waiting for a connection.
            return withOperation(problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many calls waiting",
                pool.operationName() + " waited too long for a connection"), pool.operationName());
        }
        if (error instanceof TransportException transport) {
            boolean timedOut = transport instanceof ConnectTimeoutException
                || transport instanceof ResponseTimeoutException;
            return withOperation(problem(HttpStatus.GATEWAY_TIMEOUT, timedOut ? "Timed out" : "No answer",
                transport.operationName() + (timedOut ? " timed out" : " got no answer: the connection failed")),
                transport.operationName());
        }
        if (error instanceof CallTimeoutException timeout) {
            return withOperation(problem(HttpStatus.GATEWAY_TIMEOUT, "Timed out", timeout.getMessage()),
                timeout.operationName());
        }
        if (error instanceof InvalidResponseException invalid) {
            return withOperation(problem(HttpStatus.BAD_GATEWAY, "Unreadable answer",
                invalid.operationName() + " got an answer that could not be read"), invalid.operationName());
        }
        return null;
    }

    private static ProblemDetail service(AwsServiceException service) {
        HttpStatus status;
        String title;
        if (NeptuneDataErrors.isNotRunning(service) || NeptuneDataErrors.isLoaderJobNotFound(service)
            || CloudTrailErrors.isNotRunning(service)) {
            status = HttpStatus.NOT_FOUND;
            title = "Not running";
        } else if (service.isThrottling()) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            title = "Throttled";
        } else {
            status = HttpStatus.BAD_GATEWAY;
            title = "Service error";
        }
        ProblemDetail problem = problem(status, title, service.errorMessage());
        problem.setProperty("service", service.details().serviceName());
        withOperation(problem, service.operationName());
        problem.setProperty("errorCode", service.errorCode());
        problem.setProperty("requestId", service.requestId());
        problem.setProperty("serviceStatus", service.statusCode());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title);
        problem.setDetail(detail);
        return problem;
    }

    private static ProblemDetail withOperation(ProblemDetail problem, String operation) {
        problem.setProperty("operation", operation);
        return problem;
    }
}
