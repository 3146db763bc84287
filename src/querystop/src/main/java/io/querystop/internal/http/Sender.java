package io.querystop.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.querystop.ResponseTooLargeException;
import io.querystop.internal.signing.SignedRequest;
import java.util.function.BiFunction;
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
    private final HttpClient.RequestSender delete;
    private final HttpClient.RequestSender get;
    private final HttpClient.RequestSender post;
    private final Endpoint endpoint;
    private final long maxResponseBytes;

    public Sender(HttpClient http, Endpoint endpoint, long maxResponseBytes) {
        this.http = http;
        this.delete = http.request(HttpMethod.DELETE);
        this.get = http.request(HttpMethod.GET);
        this.post = http.request(HttpMethod.POST);
        this.endpoint = endpoint;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** One attempt on the wire; cold. Fails with Netty's and Reactor Netty's own exceptions, untranslated. */
    public Mono<Response> send(OperationRequest op, SignedRequest signed) {
        return senderFor(op.method())
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

    /** Each {@code request(method)} copies the client's configuration: made once for the methods the clients use. */
    private HttpClient.RequestSender senderFor(HttpMethod method) {
        if (method == HttpMethod.DELETE) {
            return delete;
        }
        if (method == HttpMethod.GET) {
            return get;
        }
        return method == HttpMethod.POST ? post : http.request(method);
    }

    private Mono<Response> read(OperationRequest op, HttpClientResponse response, Connection connection) {
        int status = response.status().code();
        if (declaredLength(response) > maxResponseBytes) {
            // The body stays unread: close the connection, which also frees what Netty already queued of it.
            connection.dispose();
            return Mono.error(new ResponseTooLargeException(op.operationName(), status, maxResponseBytes));
        }
        Reading reading = new Reading(op, status, response, connection);
        return connection.inbound().receive()
            .reduce(new ResponseBody(op.operationName(), status, maxResponseBytes, !reading.success), reading)
            .map(reading::respond)
            .doOnCancel(reading);
    }

    /**
     * One response's read, as one object in its roles (fewer objects per call than a lambda per operator): feeds
     * the body's pieces, turns the read body into the {@link Response}, and handles a cancel.
     */
    private final class Reading implements BiFunction<ResponseBody, ByteBuf, ResponseBody>, Runnable {

        private final OperationRequest op;
        private final int status;
        private final boolean success;
        private final HttpClientResponse response;
        private final Connection connection;
        private volatile boolean bodyRead;

        Reading(OperationRequest op, int status, HttpClientResponse response, Connection connection) {
            this.op = op;
            this.status = status;
            this.success = status >= 200 && status < 300;
            this.response = response;
            this.connection = connection;
        }

        @Override
        public ResponseBody apply(ResponseBody body, ByteBuf piece) {
            try {
                return body.feed(piece);
            } catch (ResponseTooLargeException tooLarge) {
                connection.dispose(); // before the failure travels on, so that the connection is never reused
                throw tooLarge;
            }
        }

        Response respond(ResponseBody body) {
            bodyRead = true;
            if (success && !body.settle()) {
                // Runs before Reactor Netty hands the connection back: one that carried garbage is not reused.
                connection.dispose();
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} -> HTTP {} ({} bytes)", op.operationName(), op.method(), endpoint.hostHeader(),
                    status, body.received());
            }
            return new Response(status, response.responseHeaders(), body);
        }

        /**
         * On cancel: only an unread body makes the connection unusable. A cancel that arrives with the answer (from
         * a subscriber's onNext) leaves a connection that goes back to the pool.
         */
        @Override
        public void run() {
            if (!bodyRead) {
                connection.dispose();
            }
        }
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
