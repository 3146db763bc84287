package io.querystop.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.querystop.ResponseTooLargeException;
import io.querystop.internal.signing.SignedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * The sending stage: puts a signed request on a pooled connection and reads the answer as it streams in, within the
 * response size limit. The only code besides {@link ResponseBody} that sees Netty's buffers: Reactor Netty releases
 * each one after {@link ResponseBody#feed} has read it, and drops what is queued when the read is cancelled or fails.
 * A connection whose body is left unread (too large, cancelled) or unreadable is closed, never returned to the pool.
 */
public final class Sender {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    private static final String USER_AGENT = UserAgent.value();

    private final HttpClient http;
    private final Endpoint endpoint;
    private final long maxResponseBytes;

    public Sender(HttpClient http, Endpoint endpoint, long maxResponseBytes) {
        this.http = http;
        this.endpoint = endpoint;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** One attempt on the wire; cold. Fails with Netty's and Reactor Netty's own exceptions, untranslated. */
    public Mono<Response> send(OperationRequest op, SignedRequest signed) {
        return http.request(op.method())
            .uri(endpoint.target(op.encodedPath(), op.encodedQuery()))
            .send((request, out) -> {
                HttpHeaders headers = request.requestHeaders();
                signed.forEachHeader(headers::set);
                headers.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
                if (op.body() == null) {
                    return out;
                }
                headers.setInt(HttpHeaderNames.CONTENT_LENGTH, op.body().length);
                return out.sendByteArray(Mono.just(op.body()));
            })
            .responseConnection((response, connection) -> read(op, response, connection))
            .single();
    }

    private Mono<Response> read(OperationRequest op, HttpClientResponse response, Connection connection) {
        int status = response.status().code();
        boolean success = status >= 200 && status < 300;
        if (declaredLength(response) > maxResponseBytes) {
            // The body stays unread: close the connection, which also frees what Netty already queued of it.
            connection.dispose();
            return Mono.error(new ResponseTooLargeException(op.operationName(), status, maxResponseBytes));
        }
        boolean[] bodyRead = new boolean[1];
        return connection.inbound().receive()
            .reduce(new ResponseBody(op.operationName(), status, maxResponseBytes, !success), ResponseBody::feed)
            .doOnError(ResponseTooLargeException.class, tooLarge -> connection.dispose())
            // Only an unread body makes the connection unusable: a cancel that arrives with the answer (from a
            // subscriber's onNext) leaves a connection that goes back to the pool.
            .doOnNext(body -> bodyRead[0] = true)
            .doOnCancel(() -> {
                if (!bodyRead[0]) {
                    connection.dispose();
                }
            })
            .map(body -> {
                if (success && !body.settle()) {
                    // Runs before Reactor Netty hands the connection back: one that carried garbage is not reused.
                    connection.dispose();
                }
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} {} -> HTTP {} ({} bytes)", op.operationName(), op.method(), endpoint.hostHeader(),
                        status, body.received());
                }
                return new Response(status, response.responseHeaders(), body);
            });
    }

    private static long declaredLength(HttpClientResponse response) {
        String value = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
