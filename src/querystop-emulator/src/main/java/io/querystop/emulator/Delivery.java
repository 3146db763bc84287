package io.querystop.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.querystop.emulator.ServiceAnswers.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

/** Writes an answer to the connection, as a fault shapes it: delayed, dripped, cut mid-body, reset or withheld. */
final class Delivery {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final RequestLog log;

    Delivery(RequestLog log) {
        this.log = log;
    }

    /**
     * Handles a connection fault ({@link Fault.Kind#RESET}, {@link Fault.Kind#CLOSE}, {@link Fault.Kind#NO_RESPONSE});
     * {@code null} when the fault is not one and an answer is to be delivered.
     */
    Mono<Void> connectionFault(HttpServerResponse response, Fault fault) {
        if (fault == null) {
            return null;
        }
        return switch (fault.kind()) {
            case RESET -> {
                response.withConnection(Delivery::resetConnection);
                yield Mono.empty();
            }
            case CLOSE -> {
                response.withConnection(connection -> connection.channel().close());
                yield Mono.empty();
            }
            case NO_RESPONSE -> {
                watchForAbort(response, new AtomicBoolean());
                yield Mono.never();
            }
            default -> null;
        };
    }

    Mono<Void> deliver(HttpServerResponse response, Answer answer, Fault fault, Instant now) {
        response.status(HttpResponseStatus.valueOf(answer.status()));
        answer.headers().forEach(response::header);
        response.header("Date", HTTP_DATE.format(now));
        response.header("Content-Length", Integer.toString(answer.body().length));
        if (fault == null) {
            return response.sendByteArray(Mono.just(answer.body())).then();
        }
        AtomicBoolean done = new AtomicBoolean();
        Mono<Void> send;
        if (fault.kind() == Fault.Kind.CLOSE_MID_BODY) {
            byte[] half = Arrays.copyOf(answer.body(), answer.body().length / 2);
            send = response.sendObject(Mono.just(Unpooled.wrappedBuffer(half))).then()
                .then(Mono.fromRunnable(() -> response.withConnection(c -> c.channel().close())));
        } else if (fault.dripBytes() > 0) {
            send = response.send(drip(answer.body(), fault.dripBytes(), fault.dripInterval()), piece -> true).then();
        } else {
            send = response.sendByteArray(Mono.just(answer.body())).then();
        }
        send = send.doOnSuccess(ignored -> done.set(true));
        if (fault.headerDelay().isZero() && fault.dripBytes() == 0) {
            return send;
        }
        watchForAbort(response, done);
        return fault.headerDelay().isZero() ? send : Mono.delay(fault.headerDelay()).then(send);
    }

    /** Counts a client abort if the connection closes before {@code done} is set. */
    void watchForAbort(HttpServerResponse response, AtomicBoolean done) {
        response.withConnection(connection -> connection.onDispose(() -> {
            if (!done.get()) {
                log.clientAborted();
            }
        }));
    }

    private static Flux<ByteBuf> drip(byte[] body, int pieceBytes, Duration interval) {
        int pieces = (body.length + pieceBytes - 1) / pieceBytes;
        return Flux.range(0, pieces)
            .delayElements(interval)
            .map(i -> Unpooled.wrappedBuffer(body, i * pieceBytes, Math.min(pieceBytes, body.length - i * pieceBytes)));
    }

    private static void resetConnection(Connection connection) {
        connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        connection.channel().close();
    }
}
