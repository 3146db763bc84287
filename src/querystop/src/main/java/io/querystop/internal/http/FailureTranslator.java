package io.querystop.internal.http;

import io.netty.handler.timeout.ReadTimeoutException;
import io.querystop.ConnectTimeoutException;
import io.querystop.InvalidResponseException;
import io.querystop.PoolAcquireTimeoutException;
import io.querystop.QuerystopException;
import io.querystop.ResponseTimeoutException;
import io.querystop.Timeouts;
import io.querystop.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;

/**
 * The one place where a failure below the HTTP answer (Netty, I/O, TLS, the pool, the admission gate) becomes one of
 * the library's typed exceptions naming the operation and host. Failures already typed pass through unchanged; an
 * answer Netty's HTTP decoder rejected is an {@link InvalidResponseException}.
 */
public final class FailureTranslator {

    private final String host;
    private final Timeouts timeouts;

    public FailureTranslator(String host, Timeouts timeouts) {
        this.host = host;
        this.timeouts = timeouts;
    }

    public Throwable translate(String operation, Throwable error) {
        if (MalformedResponses.isDecodeFailure(error)) {
            return new InvalidResponseException(operation, host, 0, MalformedResponses.describe(error), error);
        }
        if (error instanceof QuerystopException || error instanceof IllegalArgumentException
            || error instanceof IllegalStateException) {
            return error;
        }
        if (error instanceof io.netty.channel.ConnectTimeoutException) {
            return new ConnectTimeoutException(operation, host, timeouts.connect(), error);
        }
        if (error instanceof ReadTimeoutException) {
            return new ResponseTimeoutException(operation, host, timeouts.response(), error);
        }
        if (error instanceof ConnectionGate.GateTimeoutException gate) {
            return waitedTooLong(operation, gate.timeout(), error);
        }
        if (error instanceof reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException pool) {
            return waitedTooLong(operation, pool.getAcquireTimeout(), error); // inside a pool the caller gave
        }
        if (error instanceof ConnectionGate.GateFullException gate) {
            return tooManyWaiting(operation, gate.limit(), error);
        }
        if (error instanceof PoolAcquirePendingLimitException pool) {
            return tooManyWaiting(operation, pool.getAcquirePendingLimit(), error);
        }
        if (error instanceof PrematureCloseException) {
            return new TransportException(operation, host, "the connection closed before the response was complete",
                error);
        }
        if (error instanceof SSLException) {
            return new TransportException(operation, host, "TLS failed: " + error.getMessage(), error, false);
        }
        if (error instanceof ConnectException) {
            return new TransportException(operation, host, "connection refused", error);
        }
        if (error instanceof UnknownHostException) {
            return new TransportException(operation, host, "unknown host", error);
        }
        if (error instanceof IOException) {
            return new TransportException(operation, host, "I/O error: " + error.getMessage(), error);
        }
        return new TransportException(operation, host, "unexpected failure: " + error, error, false);
    }

    private PoolAcquireTimeoutException waitedTooLong(String operation, Duration timeout, Throwable error) {
        return new PoolAcquireTimeoutException(operation, host, "no pooled connection became free within "
            + timeout.toMillis() + " ms", error);
    }

    private PoolAcquireTimeoutException tooManyWaiting(String operation, int limit, Throwable error) {
        return new PoolAcquireTimeoutException(operation, host, "too many calls already waiting for a pooled "
            + "connection (limit " + limit + ")", error);
    }
}
