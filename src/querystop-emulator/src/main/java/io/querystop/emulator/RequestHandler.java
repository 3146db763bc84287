package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.querystop.emulator.ServiceAnswers.Answer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One instance's request path: read the request, route it, check its signature, record it, then answer it, through a
 * scripted fault if there is one, else within the instance's capacity.
 */
final class RequestHandler {

    private static final byte[] EMPTY = new byte[0];

    private final Clock clock;
    private final String basePath;
    private final SigV4Verifier verifier;
    private final RequestLog log;
    private final Faults faults;
    private final Capacity capacity;
    private final Delivery delivery;
    private final Operations operations;

    RequestHandler(Clock clock, String basePath, SigV4Verifier verifier, RequestLog log, Faults faults,
                   Capacity capacity, Operations operations) {
        this.clock = clock;
        this.basePath = basePath;
        this.verifier = verifier;
        this.log = log;
        this.faults = faults;
        this.capacity = capacity;
        this.delivery = new Delivery(log);
        this.operations = operations;
    }

    Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray().defaultIfEmpty(EMPTY)
            .flatMap(body -> serve(request, response, body));
    }

    private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response, byte[] body) {
        Instant now = clock.instant();
        String uri = request.uri();
        int question = uri.indexOf('?');
        String rawPath = question < 0 ? uri : uri.substring(0, question);
        String rawQuery = question < 0 ? null : uri.substring(question + 1);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        request.requestHeaders().forEach(header -> headers.add(Map.entry(header.getKey(), header.getValue())));
        String method = request.method().name();

        String localPath = rawPath.startsWith(basePath) ? rawPath.substring(basePath.length()) : null;
        Route route = localPath == null ? Route.UNKNOWN
            : Router.route(request.method(), localPath, request.requestHeaders().get("X-Amz-Target"));
        JsonNode json = route.isCloudTrail() ? parse(body) : null;
        String id = Router.idOf(route, localPath, json);
        SigV4Verifier.Result signature = verifier == null || route == Route.UNKNOWN ? SigV4Verifier.Result.VALID
            : verifier.verify(method, rawPath, rawQuery, headers, body, now, route.signingName());
        RecordedRequest recorded = new RecordedRequest(log.nextSequence(), method, rawPath, rawQuery, route, id,
            List.copyOf(headers), body, signature.problem(), now);
        log.record(recorded);

        Fault fault = faults.next(recorded);
        Mono<Void> connectionFault = delivery.connectionFault(response, fault);
        if (connectionFault != null) {
            return connectionFault;
        }
        if (fault == null && route != Route.UNKNOWN && capacity.limits()) {
            AtomicBoolean done = new AtomicBoolean();
            if (capacity.delays()) {
                delivery.watchForAbort(response, done);
            }
            return capacity.serve(route, () -> answer(route, id, rawQuery, json, localPath, signature),
                    answer -> delivery.deliver(response, answer, null, now))
                .doOnSuccess(ignored -> done.set(true));
        }
        Answer answer = fault != null && fault.replacesAnswer() ? ServiceAnswers.of(route, fault)
            : answer(route, id, rawQuery, json, localPath, signature);
        return delivery.deliver(response, answer, fault, now);
    }

    private Answer answer(Route route, String id, String rawQuery, JsonNode json, String path,
                          SigV4Verifier.Result signature) {
        if (!signature.valid()) {
            return ServiceAnswers.error(route, 403, signature.clockSkew() ? "InvalidSignatureException"
                : "AccessDeniedException", signature.problem());
        }
        return operations.answer(route, id, rawQuery, json, path);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : ServiceAnswers.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
