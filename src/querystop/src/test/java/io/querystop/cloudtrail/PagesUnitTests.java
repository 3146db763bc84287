package io.querystop.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/** The page loop with scripted calls: exactly one call per demanded page, in order, never ahead, never two at once. */
class PagesUnitTests {

    /** Pages "1" -> "2" -> ... -> last; each call recorded with the token it was given. */
    private static Function<String, Mono<String>> script(List<String> tokens, int last) {
        return token -> Mono.fromSupplier(() -> {
            tokens.add(token);
            return String.valueOf(token == null ? 1 : Integer.parseInt(token));
        });
    }

    private static String next(String page, int last) {
        int n = Integer.parseInt(page);
        return n == last ? null : String.valueOf(n + 1);
    }

    @Test
    void oneCallPerDemandedPageAndNoneAhead() {
        List<String> tokens = new ArrayList<>();
        Flux<String> pages = Pages.of(script(tokens, 3), page -> next(page, 3));

        pages.as(flux -> StepVerifier.create(flux, 0))
            .expectSubscription()
            .then(() -> assertThat(tokens).isEmpty())
            .thenRequest(1)
            .expectNext("1")
            .then(() -> assertThat(tokens).containsExactly((String) null))
            .thenRequest(1)
            .expectNext("2")
            .then(() -> assertThat(tokens).containsExactly(null, "2"))
            .thenRequest(Long.MAX_VALUE)
            .expectNext("3")
            .verifyComplete();
        assertThat(tokens).containsExactly(null, "2", "3");
    }

    @Test
    void aRequestWhileACallIsInFlightStartsNoSecondCall() {
        AtomicInteger calls = new AtomicInteger();
        List<Sinks.One<String>> inFlight = new ArrayList<>();
        Flux<String> pages = Pages.of(token -> {
            calls.incrementAndGet();
            Sinks.One<String> answer = Sinks.one();
            inFlight.add(answer);
            return answer.asMono();
        }, page -> page.equals("b") ? null : "t-" + page);

        pages.as(flux -> StepVerifier.create(flux, 1))
            .then(() -> assertThat(calls).hasValue(1))
            .thenRequest(5)
            .then(() -> assertThat(calls).as("still one call in flight").hasValue(1))
            .then(() -> inFlight.get(0).tryEmitValue("a"))
            .expectNext("a")
            .then(() -> assertThat(calls).as("outstanding demand: the next call at once").hasValue(2))
            .then(() -> inFlight.get(1).tryEmitValue("b"))
            .expectNext("b")
            .verifyComplete();
        assertThat(calls).hasValue(2);
    }

    @Test
    void anEmptyCallEndsThePagesAndAnErrorFailsThem() {
        Pages.<String>of(token -> Mono.empty(), page -> "more")
            .as(StepVerifier::create)
            .verifyComplete();
        Pages.<String>of(token -> token == null ? Mono.just("1") : Mono.error(new IllegalStateException("page 2")),
                page -> "t")
            .as(StepVerifier::create)
            .expectNext("1")
            .expectErrorMessage("page 2")
            .verify();
    }

    @Test
    void cancellingDisposesTheCallInFlightAndTheSubscribersContextReachesIt() {
        AtomicInteger cancelled = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        // A plain subscription: StepVerifier runs its whole script inside onSubscribe, before Flux.create's set-up.
        Disposable subscription = Pages.<String>of(token -> Mono.deferContextual(context -> {
                seen.add(context.getOrDefault("trace", "none"));
                return Mono.<String>never();
            }).doOnCancel(cancelled::incrementAndGet), page -> null)
            .contextWrite(Context.of("trace", "t-1"))
            .subscribe();
        assertThat(seen).containsExactly("t-1");
        assertThat(cancelled).hasValue(0);

        subscription.dispose();

        assertThat(cancelled).hasValue(1);
    }
}
