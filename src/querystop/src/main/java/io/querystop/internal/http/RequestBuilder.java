package io.querystop.internal.http;

import io.netty.handler.codec.http.HttpMethod;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The request-building stage: an {@link OperationRequest} becomes the unsigned request for one endpoint, with
 * exactly the method, path, query and headers that are signed and then sent.
 */
public final class RequestBuilder {

    private final Endpoint endpoint;

    public RequestBuilder(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public SdkHttpRequest build(OperationRequest op) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
            .method(sdkMethod(op.method()))
            .protocol(endpoint.secure() ? "https" : "http")
            .host(endpoint.host())
            .port(endpoint.port())
            .encodedPath(endpoint.basePath() + op.encodedPath())
            .putHeader("Host", endpoint.hostHeader());
        String[] query = op.rawQuery();
        if (query != null) {
            for (int i = 0; i < query.length; i += 2) {
                request.appendRawQueryParameter(query[i], query[i + 1]);
            }
        }
        if (op.contentType() != null) {
            request.putHeader("Content-Type", op.contentType());
        }
        if (op.amzTarget() != null) {
            request.putHeader("X-Amz-Target", op.amzTarget());
        }
        return request.build();
    }

    /** {@code SdkHttpMethod.fromValue} searches all values on each call; these are the methods the clients use. */
    private static SdkHttpMethod sdkMethod(HttpMethod method) {
        if (method == HttpMethod.DELETE) {
            return SdkHttpMethod.DELETE;
        }
        if (method == HttpMethod.GET) {
            return SdkHttpMethod.GET;
        }
        return method == HttpMethod.POST ? SdkHttpMethod.POST : SdkHttpMethod.fromValue(method.name());
    }
}
