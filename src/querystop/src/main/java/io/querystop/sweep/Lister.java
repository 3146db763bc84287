package io.querystop.sweep;

import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/** One sweep's listing step: everything its endpoints run that passes the selection's per-item rules. */
@FunctionalInterface
interface Lister {

    /**
     * @param selection the rules
     * @param nowMillis the local clock (epoch milliseconds; virtual in tests), for ages the service's answer does not
     *                  date itself
     */
    Mono<Listing> list(Selection selection, LongSupplier nowMillis);
}
