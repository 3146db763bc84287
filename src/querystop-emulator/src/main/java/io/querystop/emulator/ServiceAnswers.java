package io.querystop.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Answers shaped as the real services shape them (PROTOCOL.md: what the real service does). */
final class ServiceAnswers {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NEPTUNE_SUCCESS_TYPE = "application/json;charset=UTF-8";
    static final String NEPTUNE_ERROR_TYPE = "application/x-amz-json-1.0";
    static final String CLOUDTRAIL_TYPE = "application/x-amz-json-1.1";

    private ServiceAnswers() {
    }

    /** One HTTP answer: status, headers beyond Date and Content-Length, body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    static Answer neptuneSuccess(ObjectNode body) {
        return new Answer(200, Map.of("Content-Type", NEPTUNE_SUCCESS_TYPE), bytes(body));
    }

    static Answer cloudTrailSuccess(ObjectNode body) {
        return new Answer(200, Map.of("Content-Type", CLOUDTRAIL_TYPE, "x-amzn-RequestId", requestId()), bytes(body));
    }

    /** Neptune's error body: {@code {"requestId", "code", "detailedMessage"}}, with the request id header too. */
    static Answer neptuneError(int status, String code, String message) {
        String requestId = requestId();
        ObjectNode body = JSON.createObjectNode().put("requestId", requestId).put("code", code)
            .put("detailedMessage", message);
        return new Answer(status, Map.of("Content-Type", NEPTUNE_ERROR_TYPE, "x-amzn-RequestId", requestId),
            bytes(body));
    }

    /** CloudTrail's error body: {@code {"__type", "message"}}. */
    static Answer cloudTrailError(int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode().put("__type", code).put("message", message);
        return new Answer(status, Map.of("Content-Type", CLOUDTRAIL_TYPE, "x-amzn-RequestId", requestId()),
            bytes(body));
    }

    static Answer error(Route route, int status, String code, String message) {
        return route.isCloudTrail() ? cloudTrailError(status, code, message) : neptuneError(status, code, message);
    }

    /** A fault's own answer: its error in the service's format, or its raw status, headers and body. */
    static Answer of(Route route, Fault fault) {
        if (fault.errorCode() != null) {
            Answer error = error(route, fault.status(), fault.errorCode(), fault.body());
            Map<String, String> headers = new LinkedHashMap<>(error.headers());
            headers.putAll(fault.headers());
            return new Answer(error.status(), headers, error.body());
        }
        return new Answer(fault.status(), fault.headers(), fault.body().getBytes(StandardCharsets.UTF_8));
    }

    static Answer invalidQueryId(String id) {
        return neptuneError(400, "InvalidParameterException", "Supplied queryId " + id + " is invalid");
    }

    static Answer loadNotFound(String id) {
        return neptuneError(404, "BulkLoadIdNotFoundException",
            "The load with id " + id + " does not exist or not active");
    }

    /** A random request id without touching SecureRandom, whose seeding may block an event loop. */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static byte[] bytes(ObjectNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
