package io.querystop.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.querystop.CallOptions;
import io.querystop.ConnectionPoolStats;
import io.querystop.Observability;
import io.querystop.internal.observation.CallObservations;
import io.querystop.internal.signing.SigV4Request;
import io.querystop.internal.signing.Signing;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The exchange both services share, composed from its stages in one place ({@link #exchange}): build the request,
 * then for each attempt take credentials, wait for admission, sign, send and read, translate failures, and decode
 * the answer, all under the retry loop, the call's observation and the client's lifecycle. {@link TransportFactory}
 * builds it.
 *
 * <p>Every returned {@code Mono} is lazy and cold. Cancelling it while a call is in flight closes that call's
 * connection instead of returning it to the pool, since the response is unread.
 */
public final class HttpTransport {

    private final Endpoint endpoint;
    private final String region;
    private final RequestBuilder requests;
    private final Signing signing;
    private final ConnectionGate admission;
    private final Sender sender;
    private final FailureTranslator failures;
    private final ResponseDecoder decoder;
    private final RetryLoop retries;
    private final ConnectionPool pool;
    private final CallObservations observations;
    private final Observability observability;
    private final Lifecycle lifecycle;
    private final ServerTime serverTime;

    HttpTransport(Endpoint endpoint, String region, RequestBuilder requests, Signing signing,
                  ConnectionGate admission, Sender sender, FailureTranslator failures, ResponseDecoder decoder,
                  RetryLoop retries, CallObservations observations, Observability observability,
                  ConnectionPool pool, Lifecycle lifecycle, ServerTime serverTime) {
        this.endpoint = endpoint;
        this.region = region;
        this.requests = requests;
        this.signing = signing;
        this.admission = admission;
        this.sender = sender;
        this.failures = failures;
        this.decoder = decoder;
        this.retries = retries;
        this.observations = observations;
        this.observability = observability;
        this.pool = pool;
        this.lifecycle = lifecycle;
        this.serverTime = serverTime;
    }

    /**
     * One call: lazy, cold, retried as the policy says, and bounded by the call timeout.
     *
     * @param mapper turns a 2xx body into the response record
     */
    public <T> Mono<T> exchange(OperationRequest op, ResponseMapper<T> mapper, CallOptions options) {
        return lifecycle.track(observations.observe(op.operationName(), op.resourceId(), options, call -> {
            SigV4Request unsigned = requests.build(op);
            return retries.run(op.operationName(), call.options(), failures,
                () -> signing.credentials()
                    .flatMap(identity -> admission.admit(() ->
                        sender.send(op, signing.sign(unsigned, identity)))),
                response -> {
                    call.answered(response.headers());
                    serverTime.observe(response.headers().get(HttpHeaderNames.DATE));
                    return decoder.decode(op, mapper, response);
                });
        }));
    }

    /** The pool's live figures, callers waiting for admission counted as pending. */
    public ConnectionPoolStats poolStats() {
        return pool.stats(admission.waiting());
    }

    /** The registries the client reports to, or {@code null} for none. */
    public Observability observability() {
        return observability;
    }

    /** The service's clock, as the {@code Date} of its last answer tells it. */
    public ServerTime serverTime() {
        return serverTime;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    /** Closes at once: calls in flight fail; completes when what the client created is released. */
    public Mono<Void> closeLater() {
        return lifecycle.close(Duration.ZERO);
    }

    /** Closes, letting calls in flight finish within {@code timeout}, and waits for it within the same bound. */
    public boolean close(Duration timeout) {
        return lifecycle.closeAndWait(timeout);
    }
}
