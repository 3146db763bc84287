package io.querystop.observation;

import io.micrometer.observation.Observation;

/**
 * What the observation of one call knows: set when the call starts (service, operation, endpoint, the id it is about)
 * and when it ends (outcome, error code, request id, attempts). A {@link QuerystopObservationConvention} turns it into
 * the observation's name and key values; the call's exception, if any, is {@link #getError()}.
 */
public class QuerystopObservationContext extends Observation.Context {

    private final String serviceName;
    private final String operationName;
    private final String endpoint;
    private final String resourceId;
    private volatile CallOutcome outcome;
    private volatile String errorCode;
    private volatile String requestId;
    private volatile int attempts;
    private volatile int throttledAttempts;

    /**
     * @param serviceName   the client's service, {@code neptunedata} or {@code cloudtrail}
     * @param operationName the AWS operation, e.g. {@code CancelGremlinQuery}
     * @param endpoint      the endpoint's host and port
     * @param resourceId    the query or load id the call is about, or {@code null}
     */
    public QuerystopObservationContext(String serviceName, String operationName, String endpoint, String resourceId) {
        this.serviceName = serviceName;
        this.operationName = operationName;
        this.endpoint = endpoint;
        this.resourceId = resourceId;
    }

    public String getServiceName() {
        return serviceName;
    }

    public String getOperationName() {
        return operationName;
    }

    /** The endpoint's host and port, as the request's {@code Host} header carries them. */
    public String getEndpoint() {
        return endpoint;
    }

    /** The query id (the load id for loader jobs) the call is about, or {@code null}. */
    public String getResourceId() {
        return resourceId;
    }

    /** How the call ended; {@code null} while it runs. */
    public CallOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(CallOutcome outcome) {
        this.outcome = outcome;
    }

    /** The service's error code, else the simple name of the failure's type; {@code null} after a success. */
    public String getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(String errorCode) {
        this.errorCode = errorCode;
    }

    /** The AWS request id of the last answer, or {@code null} when none came or it carried none. */
    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    /** The attempts the call made so far, retries included. */
    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    /** The attempts the service throttled so far. */
    public int getThrottledAttempts() {
        return throttledAttempts;
    }

    public void setThrottledAttempts(int throttledAttempts) {
        this.throttledAttempts = throttledAttempts;
    }
}
