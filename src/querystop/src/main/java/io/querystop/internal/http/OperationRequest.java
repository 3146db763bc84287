package io.querystop.internal.http;

import io.netty.handler.codec.http.HttpMethod;

/**
 * What one operation call sends, built by a client method after validation: everything the exchange needs and
 * nothing it must look up.
 *
 * @param operationName the AWS operation name, used in errors and logs
 * @param method        the HTTP method
 * @param encodedPath   the operation path, ids already percent-encoded, without the endpoint's base path
 * @param rawQuery      query parameters as name, value, name, value... (not encoded), or {@code null}
 * @param body          the request body, or {@code null} for none
 * @param contentType   the body's {@code Content-Type}, or {@code null}
 * @param amzTarget     the {@code X-Amz-Target} header of AWS JSON protocols, or {@code null}
 * @param resourceId    the query or load id the call is about, for observations, or {@code null}
 */
public record OperationRequest(String operationName, HttpMethod method, String encodedPath, String[] rawQuery,
                               byte[] body, String contentType, String amzTarget, String resourceId) {

    public static OperationRequest rest(String operationName, HttpMethod method, String encodedPath,
                                        String... rawQuery) {
        return new OperationRequest(operationName, method, encodedPath, rawQuery.length == 0 ? null : rawQuery,
            null, null, null, null);
    }

    public static OperationRequest awsJson(String operationName, String amzTarget, String contentType, byte[] body) {
        return new OperationRequest(operationName, HttpMethod.POST, "/", null, body, contentType, amzTarget, null);
    }

    /** This request, about the given query or load id (what its observation reports). */
    public OperationRequest withResourceId(String id) {
        return new OperationRequest(operationName, method, encodedPath, rawQuery, body, contentType, amzTarget, id);
    }

    /** The query as sent: {@code name=value&...}, encoded, or {@code null}. */
    String encodedQuery() {
        if (rawQuery == null) {
            return null;
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < rawQuery.length; i += 2) {
            if (i > 0) {
                query.append('&');
            }
            query.append(UriEncoding.encodeSegment(rawQuery[i])).append('=')
                .append(UriEncoding.encodeSegment(rawQuery[i + 1]));
        }
        return query.toString();
    }
}
