package io.querystop.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.querystop.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Micrometer meters of bulk runs, read from what every run already exposes: its outcomes as they are emitted and its
 * {@link ProgressTracker}. The service clients meter their bulk methods with one when their builder was given a
 * {@code MeterRegistry}; an application that runs its own {@link BulkCancel#run} can wrap it the same way.
 * <ul>
 *   <li>{@value #OUTCOMES}: counter, one per {@code outcome} ({@code cancelled}, {@code not_running}, {@code failed},
 *       {@code duplicate}), counted as outcomes reach the subscriber;</li>
 *   <li>{@value #CONCURRENCY_LIMIT}: gauge, the in-flight limits of the runs under way, added up;</li>
 *   <li>{@value #IN_FLIGHT}: gauge, the calls under way in those runs.</li>
 * </ul>
 * Gauges read 0 when no run is under way. The registry holds the gauges' state weakly, as Micrometer does by default.
 *
 * <pre>{@code
 * BulkMeters meters = BulkMeters.create(meterRegistry, Tags.of("service", "mine"));
 * Flux<CancelOutcome<Void>> outcomes = meters.record(BulkOptions.defaults(),
 *     options -> BulkCancel.ids(ids, (id, call) -> cancelMine(id, call), error -> false, options));
 * }</pre>
 */
public final class BulkMeters {

    public static final String OUTCOMES = "querystop.bulk.outcomes";
    public static final String CONCURRENCY_LIMIT = "querystop.bulk.concurrency.limit";
    public static final String IN_FLIGHT = "querystop.bulk.in.flight";

    private final Map<Object, ProgressTracker> running = new ConcurrentHashMap<>();
    private final Map<CancelOutcome.Status, Counter> outcomes = new ConcurrentHashMap<>();

    private BulkMeters(MeterRegistry registry, Tags tags) {
        for (CancelOutcome.Status status : CancelOutcome.Status.values()) {
            outcomes.put(status, Counter.builder(OUTCOMES).tags(tags)
                .tag("outcome", status.name().toLowerCase(Locale.ROOT))
                .description("Outcomes of bulk cancellations").register(registry));
        }
        gauge(registry, tags, CONCURRENCY_LIMIT, "In-flight limits of the bulk runs under way, added up",
            BulkProgress::concurrencyLimit);
        gauge(registry, tags, IN_FLIGHT, "Calls under way in bulk runs", BulkProgress::inFlight);
    }

    /**
     * Registers the meters, tagged with {@code tags} (the service clients use {@code service} and
     * {@code server.address}).
     */
    public static BulkMeters create(MeterRegistry registry, Iterable<Tag> tags) {
        if (registry == null) {
            throw new InvalidInputException("registry", "must not be null");
        }
        return new BulkMeters(registry, Tags.of(tags));
    }

    /**
     * The run {@code run} makes of {@code options}, metered: for each subscription its progress is tracked (with the
     * options' own {@link ProgressTracker}, else a fresh one) while it is under way.
     */
    public <R> Flux<CancelOutcome<R>> record(BulkOptions options,
                                             Function<BulkOptions, ? extends Publisher<CancelOutcome<R>>> run) {
        return Flux.defer(() -> {
            ProgressTracker progress = options.progress() != null ? options.progress() : new ProgressTracker();
            Object key = new Object();
            running.put(key, progress);
            return Flux.from(run.apply(options.withProgress(progress)))
                .doOnNext(outcome -> count(outcome.status()))
                .doFinally(signal -> running.remove(key));
        });
    }

    private void count(CancelOutcome.Status status) {
        Counter counter = outcomes.get(status);
        if (counter != null) {
            counter.increment();
        }
    }

    private void gauge(MeterRegistry registry, Tags tags, String name, String description,
                       ToIntFunction<BulkProgress> figure) {
        Gauge.builder(name, this, meters -> meters.sum(figure)).tags(tags).description(description)
            .register(registry);
    }

    private double sum(ToIntFunction<BulkProgress> figure) {
        int sum = 0;
        for (ProgressTracker progress : running.values()) {
            sum += figure.applyAsInt(progress.snapshot());
        }
        return sum;
    }
}
