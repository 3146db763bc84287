package io.querystop;

import java.time.Duration;

/**
 * How long a call may wait at each stage. Each expiry raises its own exception type. Immutable; each
 * {@code with...} returns a copy.
 *
 * @param connect  TCP connect, and the TLS handshake after it for {@code https} (default 3.1 s, the AWS SDKs'
 *                 standard-mode value), raising {@link ConnectTimeoutException}
 * @param response per attempt: from the request sent to the response headers, and between two pieces of the body
 *                 (default 30 s), raising {@link ResponseTimeoutException}
 * @param call     the whole call, all attempts and backoff included (default 2 min), raising
 *                 {@link CallTimeoutException}
 */
public record Timeouts(Duration connect, Duration response, Duration call) {

    private static final Timeouts DEFAULTS = new Timeouts(Duration.ofMillis(3100), Duration.ofSeconds(30),
        Duration.ofMinutes(2));

    public Timeouts {
        Settings.positive("connect", connect);
        Settings.positive("response", response);
        Settings.positive("call", call);
    }

    public static Timeouts defaults() {
        return DEFAULTS;
    }

    public Timeouts withConnect(Duration value) {
        return new Timeouts(value, response, call);
    }

    public Timeouts withResponse(Duration value) {
        return new Timeouts(connect, value, call);
    }

    public Timeouts withCall(Duration value) {
        return new Timeouts(connect, response, value);
    }
}
