package io.querystop;

/**
 * Every pooled connection was busy and none became free within the pool's acquire timeout, or the queue of callers
 * waiting for one was full. Raise the pool's size, lower the caller's concurrency, or both.
 */
public class PoolAcquireTimeoutException extends TransportException {

    public PoolAcquireTimeoutException(String operationName, String host, String problem, Throwable cause) {
        super(operationName, host, problem, cause, false); // retrying would only lengthen the queue
    }
}
