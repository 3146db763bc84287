package io.querystop.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scripted departure from the normal answer, for one request. Immutable; the {@code with...} methods return copies.
 *
 * <pre>{@code
 * emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(500, "ThrottlingException", "Too many requests"));
 * emulator.enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.respond(502, "text/html", "<html>Bad Gateway</html>"));
 * emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.normal().withHeaderDelay(Duration.ofSeconds(2)));
 * emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.closeMidBody());
 * }</pre>
 *
 * <p>Faults built on the normal answer ({@link #normal()}, {@link #closeMidBody()}) still change the emulator's state,
 * as a real server that acted but whose answer was lost; faults that replace the answer ({@link #respond},
 * {@link #error}) and the connection faults ({@link #reset()}, {@link #noResponse()}) change nothing.
 */
public final class Fault {

    enum Kind { ANSWER, CLOSE_MID_BODY, CLOSE, RESET, NO_RESPONSE }

    private final Kind kind;
    private final Integer status;
    private final Map<String, String> headers;
    private final String body;
    private final String errorCode;
    private final Duration headerDelay;
    private final int dripBytes;
    private final Duration dripInterval;

    private Fault(Kind kind, Integer status, Map<String, String> headers, String body, String errorCode,
                  Duration headerDelay, int dripBytes, Duration dripInterval) {
        this.kind = kind;
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.errorCode = errorCode;
        this.headerDelay = headerDelay;
        this.dripBytes = dripBytes;
        this.dripInterval = dripInterval;
    }

    /** The normal answer, to be combined with a delay or a slow body. */
    public static Fault normal() {
        return new Fault(Kind.ANSWER, null, Map.of(), null, null, Duration.ZERO, 0, Duration.ZERO);
    }

    /** Answers with this status, content type and body instead of the normal answer. */
    public static Fault respond(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Fault(Kind.ANSWER, status, headers, body == null ? "" : body, null, Duration.ZERO, 0, Duration.ZERO);
    }

    /**
     * Answers with an error in the route's service's own format: Neptune's {@code code}/{@code detailedMessage} body
     * or CloudTrail's {@code __type}/{@code message} body, with {@code x-amzn-RequestId}.
     */
    public static Fault error(int status, String code, String message) {
        return new Fault(Kind.ANSWER, status, Map.of(), message, code, Duration.ZERO, 0, Duration.ZERO);
    }

    /** Sends the normal answer's headers and half of its body, then closes the connection. */
    public static Fault closeMidBody() {
        return new Fault(Kind.CLOSE_MID_BODY, null, Map.of(), null, null, Duration.ZERO, 0, Duration.ZERO);
    }

    /**
     * Closes the connection cleanly (FIN) after reading the request, without answering: what a client sees when the
     * server closes a keep-alive connection just as the client reuses it.
     */
    public static Fault close() {
        return new Fault(Kind.CLOSE, null, Map.of(), null, null, Duration.ZERO, 0, Duration.ZERO);
    }

    /** Resets the connection (TCP RST) without answering. */
    public static Fault reset() {
        return new Fault(Kind.RESET, null, Map.of(), null, null, Duration.ZERO, 0, Duration.ZERO);
    }

    /** Reads the request and never answers, until the client gives up. */
    public static Fault noResponse() {
        return new Fault(Kind.NO_RESPONSE, null, Map.of(), null, null, Duration.ZERO, 0, Duration.ZERO);
    }

    /** Waits this long before sending the headers. */
    public Fault withHeaderDelay(Duration delay) {
        return new Fault(kind, status, headers, body, errorCode, delay, dripBytes, dripInterval);
    }

    /** Sends the body in pieces of {@code bytes}, one every {@code interval}. */
    public Fault withDrip(int bytes, Duration interval) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive");
        }
        return new Fault(kind, status, headers, body, errorCode, headerDelay, bytes, interval);
    }

    /** Adds a response header. */
    public Fault withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Fault(kind, status, more, body, errorCode, headerDelay, dripBytes, dripInterval);
    }

    Kind kind() {
        return kind;
    }

    Integer status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    String body() {
        return body;
    }

    /** The error code of an {@link #error} fault, answered in the service's own error format. */
    String errorCode() {
        return errorCode;
    }

    Duration headerDelay() {
        return headerDelay;
    }

    int dripBytes() {
        return dripBytes;
    }

    Duration dripInterval() {
        return dripInterval;
    }

    boolean replacesAnswer() {
        return status != null;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status == null ? "" : " " + status) + (headerDelay.isZero() ? "" : " delay=" + headerDelay)
            + (dripBytes == 0 ? "" : " drip=" + dripBytes + "B/" + dripInterval) + "]";
    }
}
