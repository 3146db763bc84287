package io.querystop.cloudtrail;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Follows {@code NextToken} from page to page, one call at a time and only while the subscriber has demand: the next
 * page is asked for when the previous one was delivered and another is wanted, never ahead. Cold: each subscription
 * starts again from the first page. Cancelling aborts the call in flight.
 */
final class Pages<P> {

    private final FluxSink<P> sink;
    private final Function<String, Mono<P>> fetch;
    private final Function<P, String> nextToken;
    /** One call at a time; whoever sets it owns the next fetch. */
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile String token;
    private volatile boolean done;
    private volatile boolean received;
    private volatile Disposable inFlight;

    private Pages(FluxSink<P> sink, Function<String, Mono<P>> fetch, Function<P, String> nextToken) {
        this.sink = sink;
        this.fetch = fetch;
        this.nextToken = nextToken;
    }

    /**
     * @param fetch     reads the page of a token ({@code null} for the first page)
     * @param nextToken the token of the page after a page, {@code null} or empty on the last one
     */
    static <P> Flux<P> of(Function<String, Mono<P>> fetch, Function<P, String> nextToken) {
        return Flux.create(sink -> {
            Pages<P> pages = new Pages<>(sink, fetch, nextToken);
            sink.onDispose(pages::dispose);
            sink.onRequest(n -> pages.next());
        });
    }

    /** Starts the next call when there is demand, the run goes on and no call is in flight. */
    private void next() {
        if (done || sink.isCancelled() || sink.requestedFromDownstream() == 0 || !fetching.compareAndSet(false, true)) {
            return;
        }
        received = false;
        // The subscriber's context (trace, observation) goes with each page's call.
        inFlight = fetch.apply(token).contextWrite(sink.contextView()).subscribe(this::page, this::fail, this::ended);
    }

    private void page(P page) {
        received = true;
        String next = nextToken.apply(page);
        if (next == null || next.isEmpty() || next.equals(token)) {
            done = true; // the same token again would repeat this page forever
        } else {
            token = next;
        }
        sink.next(page);
    }

    private void ended() {
        if (done || !received) {
            done = true;
            sink.complete();
            return;
        }
        // A request that came while this call was in flight saw it busy; demand is read again after the release.
        fetching.set(false);
        next();
    }

    private void fail(Throwable error) {
        done = true;
        sink.error(error);
    }

    private void dispose() {
        done = true;
        Disposable call = inFlight;
        if (call != null) {
            call.dispose();
        }
    }
}
