package io.querystop.bulk;

import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * The core of a bulk run: demand and the concurrency limit, nothing else. Items are requested from upstream only into
 * free slots, where a slot is an item in line or at work, or an outcome not yet delivered, so neither a slow service
 * nor a slow subscriber makes it hold more than the limit (prefetch 0). The {@link Policies} decide the rest: which
 * items need no call, when a call may start, what a call is, in what order outcomes go.
 *
 * <p>Each subscription is a {@link BulkRun}, whose one drain loop owns the run's state.
 *
 * @param <T> the item
 * @param <R> the call's response
 */
final class BulkEngine<T, R> extends Flux<CancelOutcome<R>> {

    private final Publisher<? extends T> inputs;
    private final Supplier<Policies<T, R>> policies;

    BulkEngine(Publisher<? extends T> inputs, Supplier<Policies<T, R>> policies) {
        this.inputs = inputs;
        this.policies = policies;
    }

    @Override
    public void subscribe(CoreSubscriber<? super CancelOutcome<R>> actual) {
        inputs.subscribe(new BulkRun<>(actual, policies.get()));
    }
}
