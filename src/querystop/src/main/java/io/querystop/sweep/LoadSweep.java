package io.querystop.sweep;

import io.querystop.CallOptions;
import io.querystop.InvalidInputException;
import io.querystop.bulk.BulkOptions;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the Neptune loader jobs that run too long, cancels and confirms them. Give it the writer: loads are
 * cancelled there only, and a read replica's refusal (405) is a {@code FAILED} outcome whose details say
 * {@code reason: read_replica}.
 *
 * <pre>{@code
 * LoadSweep.overInstances(List.of(writer))
 *     .run(Selection.defaults().withMinimumAge(Duration.ofHours(1)), Mode.cancelAndConfirm())
 *     .subscribe(System.out::println);
 * }</pre>
 *
 * <p>A pass lists the job ids (queued ones too with {@link Selection#includeWaiting}), reads each job's status, and
 * selects the jobs not ended ({@link LoadStatus#ACTIVE}) whose {@code startTime} is at least the minimum age ago,
 * on the service's clock when the answer says what time it is, else on this process's. Languages, the text
 * expression and {@code skipCancelled} do not apply. Confirming reads the status until the job has ended.
 */
public final class LoadSweep {

    /** The {@code reason} detail of a cancel a read replica refused. */
    public static final String READ_REPLICA = "read_replica";

    /** Status reads in flight per instance. */
    private static final int STATUS_READS = 8;

    private final List<LoaderInstance> instances;
    private final BulkOptions bulkOptions;

    private LoadSweep(List<LoaderInstance> instances, BulkOptions bulkOptions) {
        this.instances = instances;
        this.bulkOptions = bulkOptions;
    }

    /**
     * A sweep through querystop's client: normally the writer's endpoint and its client. The clients stay the
     * caller's. Neptune lists the newest 100 load ids at most ({@code ListLoaderJobs} has no paging).
     */
    public static LoadSweep over(Map<String, ? extends NeptuneDataClient> clients) {
        return overInstances(NeptuneClientInstance.of(clients));
    }

    public static LoadSweep overInstances(List<? extends LoaderInstance> instances) {
        if (instances == null || instances.isEmpty() || instances.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("instances", "must name at least one instance, and no null");
        }
        return new LoadSweep(List.copyOf(instances), BulkOptions.defaults());
    }

    public LoadSweep withBulkOptions(BulkOptions value) {
        if (value == null) {
            throw new InvalidInputException("bulkOptions", "must not be null");
        }
        return new LoadSweep(instances, value);
    }

    public Flux<SweepEvent> run(Selection selection, Mode mode) {
        return Passes.once(this::list, selection, mode, bulkOptions);
    }

    public Flux<SweepEvent> watch(Selection selection, Mode mode, Duration every) {
        return Passes.watch(this::list, selection, mode, bulkOptions, every);
    }

    private Mono<Listing> list(Selection selection, LongSupplier nowMillis) {
        return Flux.fromIterable(instances)
            .flatMap(instance -> list(instance, selection, nowMillis))
            .collectList()
            .map(Listing::merge);
    }

    private static Mono<Listing> list(LoaderInstance instance, Selection selection, LongSupplier nowMillis) {
        String endpoint = instance.endpoint();
        return Mono.defer(() -> instance.listLoadIds(selection.includeWaiting()))
            .defaultIfEmpty(List.of())
            .flatMap(ids -> Flux.fromIterable(ids)
                .flatMap(id -> job(instance, id, selection, nowMillis), STATUS_READS)
                .collectList()
                .map(Listing::merge))
            .onErrorResume(error -> Mono.just(Listing.failed(new ListingFailure(endpoint, "load", null, error))));
    }

    private static Mono<Listing> job(LoaderInstance instance, String loadId, Selection selection,
                                     LongSupplier nowMillis) {
        String endpoint = instance.endpoint();
        String key = Candidate.key(endpoint, "load", loadId);
        return Mono.defer(() -> instance.loadStatus(loadId))
            .map(status -> {
                long age = ageMillis(status, nowMillis);
                if (!status.isActive() || !selection.oldEnough(age)) {
                    return Listing.of(List.of(), Set.of(key));
                }
                Map<String, Object> details = new HashMap<>();
                details.put("status", status.status());
                if (status.startTime() != null) {
                    details.put("startTime", status.startTime());
                }
                return Listing.of(List.of(new Candidate(endpoint, "load", loadId, age, null, null, details,
                    new LoadControl(instance, loadId))), Set.of(key));
            })
            .defaultIfEmpty(Listing.of(List.of(), Set.of()))
            .onErrorResume(error -> Mono.just(Listing.itemFailed(new ListingFailure(endpoint, "load", loadId, error),
                key)));
    }

    /** From {@code startTime} (epoch seconds, the service's clock) to the answer's time, or to ours if unknown. */
    static long ageMillis(LoadStatus status, LongSupplier nowMillis) {
        if (status.startTime() == null) {
            return 0;
        }
        long now = status.serverTime() != null ? status.serverTime().toEpochMilli() : nowMillis.getAsLong();
        return Math.max(0, now - status.startTime() * 1000);
    }

    private record LoadControl(LoaderInstance instance, String loadId) implements Candidate.Control {

        @Override
        public Mono<?> cancel(CallOptions options) {
            return instance.cancelLoad(loadId, options);
        }

        @Override
        public boolean isNotRunning(Throwable error) {
            return instance.isNotRunning(error);
        }

        @Override
        public Mono<Boolean> stopped() {
            return Mono.defer(() -> instance.loadStatus(loadId))
                .map(status -> !status.isActive())
                .defaultIfEmpty(true);
        }

        @Override
        public Map<String, Object> explain(Throwable error) {
            return error != null && instance.isReadReplicaRefusal(error)
                ? Map.of("reason", READ_REPLICA) : Map.of();
        }
    }
}
