package io.querystop.benchmarks.jmh;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.querystop.cloudtrail.CloudTrailLayers;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.ResponseMapper;
import io.querystop.neptunedata.NeptuneDataLayers;
import java.util.function.Function;

/** The five operations as the layer benchmarks see them: how a request is built, and a typical answer and error. */
public enum Operation {

    CancelGremlinQuery(false, NeptuneDataLayers::cancelGremlinQuery, NeptuneDataLayers.CANCEL_GREMLIN_QUERY,
        "{\"status\":\"200 OK\"}"),
    CancelOpenCypherQuery(false, NeptuneDataLayers::cancelOpenCypherQuery, NeptuneDataLayers.CANCEL_OPEN_CYPHER_QUERY,
        "{\"status\":\"200 OK\",\"payload\":true}"),
    CancelLoaderJob(false, NeptuneDataLayers::cancelLoaderJob, NeptuneDataLayers.CANCEL_LOADER_JOB,
        "{\"status\":\"200 OK\"}"),
    GetOpenCypherQueryStatus(false, NeptuneDataLayers::getOpenCypherQueryStatus,
        NeptuneDataLayers.GET_OPEN_CYPHER_QUERY_STATUS,
        "{\"queryId\":\"4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f\",\"queryString\":\"MATCH (n:airport) RETURN n.code "
            + "LIMIT 10\",\"queryEvalStats\":{\"waited\":0,\"elapsed\":2378,\"cancelled\":false,"
            + "\"subqueries\":{\"scan\":{\"rows\":3748,\"bytes\":191220}}}}"),
    CancelQuery(true, CloudTrailLayers::cancelQuery, CloudTrailLayers.CANCEL_QUERY,
        "{\"QueryId\":\"4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f\",\"QueryStatus\":\"CANCELLED\","
            + "\"EventDataStoreOwnerAccountId\":\"123456789012\"}");

    final boolean cloudTrail;
    final Function<String, OperationRequest> build;
    final ResponseMapper<?> mapper;
    final String answer;

    Operation(boolean cloudTrail, Function<String, OperationRequest> build, ResponseMapper<?> mapper, String answer) {
        this.cloudTrail = cloudTrail;
        this.build = build;
        this.mapper = mapper;
        this.answer = answer;
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
