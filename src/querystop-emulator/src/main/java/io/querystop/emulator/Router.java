package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;

/** Picks the {@link Route} of a request from its method and path, or its {@code X-Amz-Target}, and its id. */
final class Router {

    static final String CLOUDTRAIL_TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    private static final Map<String, Route> CLOUDTRAIL_TARGETS = Map.of(
        CLOUDTRAIL_TARGET_PREFIX + "CancelQuery", Route.CLOUDTRAIL_CANCEL_QUERY,
        CLOUDTRAIL_TARGET_PREFIX + "ListQueries", Route.CLOUDTRAIL_LIST_QUERIES,
        CLOUDTRAIL_TARGET_PREFIX + "DescribeQuery", Route.CLOUDTRAIL_DESCRIBE_QUERY,
        CLOUDTRAIL_TARGET_PREFIX + "ListEventDataStores", Route.CLOUDTRAIL_LIST_EVENT_DATA_STORES);

    private Router() {
    }

    /** The route of a request, by its path below the base path; {@code target} is the {@code X-Amz-Target}. */
    static Route route(HttpMethod method, String path, String target) {
        if (path.equals("/") || path.isEmpty()) {
            return method.equals(HttpMethod.POST) && target != null
                ? CLOUDTRAIL_TARGETS.getOrDefault(target, Route.UNKNOWN) : Route.UNKNOWN;
        }
        boolean get = method.equals(HttpMethod.GET);
        boolean delete = method.equals(HttpMethod.DELETE);
        if (singleSegmentAfter(path, "/gremlin/status/")) {
            return delete ? Route.CANCEL_GREMLIN_QUERY : get ? Route.GET_GREMLIN_QUERY_STATUS : Route.UNKNOWN;
        }
        if (singleSegmentAfter(path, "/opencypher/status/")) {
            return delete ? Route.CANCEL_OPEN_CYPHER_QUERY : get ? Route.GET_OPEN_CYPHER_QUERY_STATUS
                : Route.UNKNOWN;
        }
        if (singleSegmentAfter(path, "/loader/")) {
            return delete ? Route.CANCEL_LOADER_JOB : get ? Route.GET_LOADER_JOB_STATUS : Route.UNKNOWN;
        }
        if (!get) {
            return Route.UNKNOWN;
        }
        return switch (path) {
            case "/gremlin/status", "/gremlin/status/" -> Route.LIST_GREMLIN_QUERIES;
            case "/opencypher/status", "/opencypher/status/" -> Route.LIST_OPEN_CYPHER_QUERIES;
            case "/status", "/status/" -> Route.GET_ENGINE_STATUS;
            case "/loader", "/loader/" -> Route.LIST_LOADER_JOBS;
            default -> Route.UNKNOWN;
        };
    }

    private static boolean singleSegmentAfter(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }

    /** The query or load id: decoded from the path (Neptune) or the body's {@code QueryId} (CloudTrail). */
    static String idOf(Route route, String path, JsonNode body) {
        return switch (route) {
            case CANCEL_GREMLIN_QUERY, GET_GREMLIN_QUERY_STATUS, CANCEL_OPEN_CYPHER_QUERY,
                GET_OPEN_CYPHER_QUERY_STATUS, CANCEL_LOADER_JOB, GET_LOADER_JOB_STATUS ->
                SigV4Verifier.percentDecode(path.substring(path.lastIndexOf('/') + 1));
            case CLOUDTRAIL_CANCEL_QUERY, CLOUDTRAIL_DESCRIBE_QUERY -> {
                JsonNode id = body == null ? null : body.get("QueryId");
                yield id != null && id.isTextual() ? id.textValue() : null;
            }
            default -> null;
        };
    }
}
