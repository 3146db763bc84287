package io.querystop.internal.http;

import io.querystop.internal.signing.SigV4Request;

/**
 * The request-building stage: an {@link OperationRequest} becomes the unsigned request for one endpoint, with
 * exactly the method, path, query and headers that are signed and then sent.
 */
public final class RequestBuilder {

    private final Endpoint endpoint;
    private final String[] hostOnly;

    public RequestBuilder(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.hostOnly = new String[] {"Host", endpoint.hostHeader()};
    }

    public SigV4Request build(OperationRequest op) {
        String[] headers = hostOnly; // shared, never written to
        if (op.contentType() != null || op.amzTarget() != null) {
            headers = new String[2 + (op.contentType() != null ? 2 : 0) + (op.amzTarget() != null ? 2 : 0)];
            int i = 0;
            headers[i++] = "Host";
            headers[i++] = endpoint.hostHeader();
            if (op.contentType() != null) {
                headers[i++] = "Content-Type";
                headers[i++] = op.contentType();
            }
            if (op.amzTarget() != null) {
                headers[i++] = "X-Amz-Target";
                headers[i] = op.amzTarget();
            }
        }
        String path = endpoint.basePath().isEmpty() ? op.encodedPath() : endpoint.basePath() + op.encodedPath();
        return new SigV4Request(op.method().name(), path, op.rawQuery(), headers, op.body());
    }
}
