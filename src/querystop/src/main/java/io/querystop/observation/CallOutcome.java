package io.querystop.observation;

import java.util.Locale;

/** How one call ended, as the {@code outcome} key of its observation names it. */
public enum CallOutcome {
    /** The service answered 2xx. */
    SUCCESS,
    /** The service said the query or job is not running: finished or unknown (the service's own rule). */
    NOT_RUNNING,
    /** The service asked the caller to slow down, and the retries the policy allows did not get through. */
    THROTTLED,
    /** Any other service error with a 4xx status, or a call the client refused (input, credentials). */
    CLIENT_ERROR,
    /** Any other service error with a 5xx status. */
    SERVER_ERROR,
    /** The call, the connect, the response or the wait for a pooled connection took too long. */
    TIMEOUT,
    /** Below a readable answer: refused, reset or closed connection, TLS, an unreadable or too large answer. */
    TRANSPORT_ERROR,
    /** The subscriber cancelled the call before it ended. */
    CANCELLED;

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The tag value: the name in lower case, e.g. {@code not_running}. */
    public String value() {
        return value;
    }
}
