package io.querystop.sweep;

import io.querystop.CallOptions;
import io.querystop.InvalidInputException;
import io.querystop.bulk.BulkOptions;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the Gremlin and openCypher queries that run too long on the instances of a Neptune cluster, cancels each
 * through the instance that listed it (never through another: status and cancellation are per instance), and
 * confirms they stopped.
 *
 * <pre>{@code
 * NeptuneSweep sweep = NeptuneSweep.overInstances(List.of(writer, reader1, reader2));
 * sweep.run(Selection.defaults().withMinimumAge(Duration.ofMinutes(5)), Mode.cancelAndConfirm())
 *     .ofType(SweepOutcome.class)
 *     .filter(event -> event.outcome() == SweepOutcome.Outcome.STILL_RUNNING)
 *     .subscribe(event -> log.warn("{} on {} still runs", event.id(), event.endpoint()));
 * }</pre>
 *
 * <p>A pass lists every instance and language at once, selects (age {@code waited + elapsed} at least the minimum,
 * waiting queries if asked, the text expression, not already cancelled), takes the oldest first up to the maximum,
 * then acts as the {@link Mode} says. Every selected query gets exactly one {@link SweepOutcome}; an instance that
 * cannot be listed is a {@link ListingFailure} event and the others are still swept. The {@code Flux} is cold: each
 * subscription sweeps anew. Immutable and shareable.
 */
public final class NeptuneSweep {

    private final List<QueryInstance> instances;
    private final BulkOptions bulkOptions;

    private NeptuneSweep(List<QueryInstance> instances, BulkOptions bulkOptions) {
        this.instances = instances;
        this.bulkOptions = bulkOptions;
    }

    /**
     * A sweep over the instances of a cluster through querystop's client: one client per instance endpoint (not the
     * cluster or reader endpoint, whose connections may reach any instance). The clients stay the caller's: the sweep
     * does not close them.
     *
     * @param clients each instance's endpoint (as events name it) and a client built for that endpoint, in the order
     *                to list them
     */
    public static NeptuneSweep over(Map<String, ? extends NeptuneDataClient> clients) {
        return overInstances(NeptuneClientInstance.of(clients));
    }

    /** A sweep over these instances, each listed, cancelled and read through itself. */
    public static NeptuneSweep overInstances(List<? extends QueryInstance> instances) {
        if (instances == null || instances.isEmpty() || instances.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("instances", "must name at least one instance, and no null");
        }
        return new NeptuneSweep(List.copyOf(instances), BulkOptions.defaults());
    }

    /** How the cancels run (concurrency, retries, progress); applied per instance. */
    public NeptuneSweep withBulkOptions(BulkOptions value) {
        if (value == null) {
            throw new InvalidInputException("bulkOptions", "must not be null");
        }
        return new NeptuneSweep(instances, value);
    }

    /** One pass. */
    public Flux<SweepEvent> run(Selection selection, Mode mode) {
        return Passes.once(this::list, selection, mode, bulkOptions);
    }

    /**
     * A pass every {@code every} until the subscription is disposed, never acting on the same query twice. With
     * {@link Selection#maxCount}, at most that many per pass.
     */
    public Flux<SweepEvent> watch(Selection selection, Mode mode, Duration every) {
        return Passes.watch(this::list, selection, mode, bulkOptions, every);
    }

    private Mono<Listing> list(Selection selection, java.util.function.LongSupplier nowMillis) {
        return Flux.fromIterable(instances)
            .flatMap(instance -> Flux.fromIterable(selection.languages())
                .flatMap(language -> list(instance, language, selection)))
            .collectList()
            .map(Listing::merge);
    }

    private static Mono<Listing> list(QueryInstance instance, QueryLanguage language, Selection selection) {
        String endpoint = instance.endpoint();
        return Mono.defer(() -> instance.listQueries(language, selection.includeWaiting()))
            .defaultIfEmpty(List.of())
            .map(queries -> {
                List<Candidate> candidates = new ArrayList<>();
                Set<String> keys = new HashSet<>();
                for (ListedQuery query : queries) {
                    keys.add(Candidate.key(endpoint, language.label(), query.queryId()));
                    if (selection.skipCancelled() && query.cancelled()) {
                        continue;
                    }
                    if (selection.oldEnough(query.ageMillis()) && selection.matchesText(query.queryString())) {
                        candidates.add(new Candidate(endpoint, language.label(), query.queryId(), query.ageMillis(),
                            query.waitedMillis(), query.queryString(), Map.of(),
                            new QueryControl(instance, language, query.queryId())));
                    }
                }
                return Listing.of(candidates, keys);
            })
            .onErrorResume(error -> Mono.just(Listing.failed(
                new ListingFailure(endpoint, language.label(), null, error))));
    }

    /** A query's calls, bound to the instance that listed it. */
    private record QueryControl(QueryInstance instance, QueryLanguage language, String queryId)
        implements Candidate.Control {

        @Override
        public Mono<?> cancel(CallOptions options) {
            return instance.cancelQuery(language, queryId, options);
        }

        @Override
        public boolean isNotRunning(Throwable error) {
            return instance.isNotRunning(error);
        }

        @Override
        public Mono<Boolean> stopped() {
            return Mono.defer(() -> instance.queryStatus(language, queryId))
                .map(status -> false)
                .defaultIfEmpty(true)
                .onErrorResume(instance::isNotRunning, error -> Mono.just(true));
        }
    }
}
