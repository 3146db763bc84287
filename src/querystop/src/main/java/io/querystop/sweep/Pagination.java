package io.querystop.sweep;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every page of a listing, one request at a time, stopping at a missing, empty or repeated token. */
final class Pagination {

    private Pagination() {
    }

    static <T> Flux<Page<T>> pages(Function<String, Mono<Page<T>>> fetch) {
        return Flux.defer(() -> {
            Set<String> tokens = new HashSet<>(); // a service that hands out the same token again would loop forever
            return Mono.defer(() -> fetch.apply(null))
                .expand(page -> {
                    String next = page.nextToken();
                    return next == null || next.isEmpty() || !tokens.add(next) ? Mono.empty()
                        : Mono.defer(() -> fetch.apply(next));
                });
        });
    }
}
