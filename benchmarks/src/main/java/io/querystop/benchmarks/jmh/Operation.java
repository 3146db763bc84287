package io.querystop.benchmarks.jmh;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.querystop.cloudtrail.CancelQueryRequest;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.json.JsonWriter;
import io.querystop.neptunedata.CancelGremlinQueryRequest;
import io.querystop.neptunedata.CancelLoaderJobRequest;
import io.querystop.neptunedata.CancelOpenCypherQueryRequest;
import io.querystop.neptunedata.GetOpenCypherQueryStatusRequest;
import java.util.function.Function;

import static io.querystop.internal.http.UriEncoding.encodeSegment;

/**
 * The five operations as the stage benchmarks see them: the public request record (its validation included), the
 * wire description the transport's stages take ({@link OperationRequest}, built with the transport's own API the way
 * the clients build it), and a typical answer and "not running" error. The clients' exact bytes are checked by the
 * library's conformance tests; here only the cost matters.
 */
public enum Operation {

    CancelGremlinQuery(false, id -> {
        CancelGremlinQueryRequest request = new CancelGremlinQueryRequest(id);
        return OperationRequest.rest("CancelGremlinQuery", HttpMethod.DELETE,
            "/gremlin/status/" + encodeSegment(request.queryId()));
    }, "{\"status\":\"200 OK\"}"),
    CancelOpenCypherQuery(false, id -> {
        CancelOpenCypherQueryRequest request = new CancelOpenCypherQueryRequest(id);
        return OperationRequest.rest("CancelOpenCypherQuery", HttpMethod.DELETE,
            "/opencypher/status/" + encodeSegment(request.queryId()));
    }, "{\"status\":\"200 OK\",\"payload\":true}"),
    CancelLoaderJob(false, id -> {
        CancelLoaderJobRequest request = new CancelLoaderJobRequest(id);
        return OperationRequest.rest("CancelLoaderJob", HttpMethod.DELETE, "/loader/" + encodeSegment(request.loadId()));
    }, "{\"status\":\"200 OK\"}"),
    GetOpenCypherQueryStatus(false, id -> {
        GetOpenCypherQueryStatusRequest request = new GetOpenCypherQueryStatusRequest(id);
        return OperationRequest.rest("GetOpenCypherQueryStatus", HttpMethod.GET,
            "/opencypher/status/" + encodeSegment(request.queryId()));
    }, "{\"queryId\":\"4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f\",\"queryString\":\"MATCH (n:airport) RETURN n.code "
        + "LIMIT 10\",\"queryEvalStats\":{\"waited\":0,\"elapsed\":2378,\"cancelled\":false,"
        + "\"subqueries\":{\"scan\":{\"rows\":3748,\"bytes\":191220}}}}"),
    CancelQuery(true, id -> {
        CancelQueryRequest request = new CancelQueryRequest(id);
        byte[] body = new JsonWriter().member("QueryId", request.queryId()).toUtf8();
        return OperationRequest.awsJson("CancelQuery",
            "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.CancelQuery", "application/x-amz-json-1.1", body);
    }, "{\"QueryId\":\"4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f\",\"QueryStatus\":\"CANCELLED\","
        + "\"EventDataStoreOwnerAccountId\":\"123456789012\"}");

    final boolean cloudTrail;
    final Function<String, OperationRequest> build;
    final String answer;

    Operation(boolean cloudTrail, Function<String, OperationRequest> build, String answer) {
        this.cloudTrail = cloudTrail;
        this.build = build;
        this.answer = answer;
    }

    String signingName() {
        return cloudTrail ? "cloudtrail" : "neptune-db";
    }

    /** The "not running" error each service sends for these operations. */
    String error() {
        return cloudTrail
            ? "{\"__type\":\"InactiveQueryException\",\"message\":\"The query 4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f "
                + "is in a terminal state and cannot be cancelled.\"}"
            : "{\"requestId\":\"0b6d4c5e-3c1f-4a5e-9a3e-2f0f7c6a1d42\",\"code\":\"InvalidParameterException\","
                + "\"detailedMessage\":\"Supplied queryId 4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f is invalid\"}";
    }

    HttpHeaders errorHeaders() {
        return new DefaultHttpHeaders()
            .add("Content-Type", cloudTrail ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0")
            .add("x-amzn-RequestId", "0b6d4c5e-3c1f-4a5e-9a3e-2f0f7c6a1d42");
    }

    HttpHeaders answerHeaders() {
        return new DefaultHttpHeaders()
            .add("Content-Type", cloudTrail ? "application/x-amz-json-1.1" : "application/json;charset=UTF-8")
            .add("x-amzn-RequestId", "0b6d4c5e-3c1f-4a5e-9a3e-2f0f7c6a1d42");
    }
}
