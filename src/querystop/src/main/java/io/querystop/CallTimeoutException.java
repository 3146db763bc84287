package io.querystop;

import java.time.Duration;

/** The whole call, every attempt and every backoff included, did not finish within the call timeout. */
public class CallTimeoutException extends QuerystopException {

    private final String operationName;

    public CallTimeoutException(String operationName, Duration timeout) {
        super(operationName + " did not complete within the call timeout of " + timeout.toMillis() + " ms");
        this.operationName = operationName;
    }

    public String operationName() {
        return operationName;
    }
}
