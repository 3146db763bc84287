package io.querystop.bulk;

import io.querystop.CallOptions;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs one call per input with a bound on the calls in flight: a {@code Publisher} of inputs in, a {@code Flux} with
 * exactly one {@link CancelOutcome} per input out. It knows no service: the service clients' bulk methods
 * ({@code NeptuneDataClient.cancelGremlinQueries}, {@code CloudTrailClient.cancelQueries}, ...) are built on it, and an
 * application can build its own the same way.
 *
 * <pre>{@code
 * ProgressTracker progress = new ProgressTracker();
 * neptune.cancelGremlinQueries(idsFlux, BulkOptions.defaults().withProgress(progress))
 *     .filter(outcome -> outcome.status() == CancelOutcome.Status.FAILED)
 *     .subscribe(outcome -> log.warn("{} not cancelled: {}", outcome.id(), outcome.error().toString()));
 * }</pre>
 *
 * <p>Inputs are requested from the publisher only as slots free up: a slot is an input taken but not yet started (it
 * waits for the pace), a call in flight, or an outcome the subscriber has not taken yet, and there are as many as the
 * current in-flight limit (prefetch 0). So at most {@code maxConcurrency} inputs are in memory at once, and a slow
 * subscriber stops the pulling of inputs. One input's failure is its outcome, never the stream's. An error of the
 * input publisher ends the stream with that error after the outcomes of every input taken. An error of the client
 * itself (closed, no credentials) ends it with that error after the outcomes of the calls already sent; inputs not
 * yet sent then get none. Cancelling the subscription stops pulling inputs and aborts the calls in flight; nothing is
 * sent afterwards. The {@code Flux} is cold.
 */
public final class BulkCancel {

    private BulkCancel() {
    }

    /**
     * One call per input, as {@link BulkOptions} says.
     *
     * @param inputs     ids or request records
     * @param idOf       the id an input's outcome carries (and de-duplication compares)
     * @param call       the call for one input; it must pass the {@link CallOptions} it is given on to the client, so
     *                   that retries follow the run's policy and the adaptive limit sees every attempt
     * @param notRunning which errors mean "not running" (for example {@code NeptuneDataErrors::isNotRunning}): such
     *                   an answer is the {@code NOT_RUNNING} outcome and never retried
     * @param options    concurrency, ordering, pacing, de-duplication, retries, progress
     * @param <I>        the input type
     * @param <R>        the call's response type
     */
    public static <I, R> Flux<CancelOutcome<R>> run(Publisher<? extends I> inputs, Function<? super I, String> idOf,
                                                    BiFunction<? super I, CallOptions, Mono<R>> call,
                                                    Predicate<Throwable> notRunning, BulkOptions options) {
        Flux<Input<I>> indexed = Flux.<I>from(inputs).index((index, value) -> Input.of(index, value, idOf));
        return new BulkEngine<>(indexed, () -> policies(call, notRunning, options));
    }

    /** {@link #run} for inputs that are the ids themselves. */
    public static <R> Flux<CancelOutcome<R>> ids(Publisher<String> ids, BiFunction<String, CallOptions, Mono<R>> call,
                                                 Predicate<Throwable> notRunning, BulkOptions options) {
        return run(ids, Function.identity(), call, notRunning, options);
    }

    /** One run's policies, as the options say; fresh for each subscription, since they keep state. */
    private static <I, R> Policies<Input<I>, R> policies(BiFunction<? super I, CallOptions, Mono<R>> call,
                                                         Predicate<Throwable> notRunning, BulkOptions options) {
        ProgressTracker progress = options.progress() != null ? options.progress() : new ProgressTracker();
        Scheduler timer = Schedulers.parallel();
        return new Policies<>(
            options.deduplicate() ? new Deduplication<>() : Admission.all(),
            options.ordered() ? new InputOrder<>() : new CompletionOrder<>(),
            Pacer.of(options.maxRequestsPerSecond(), timer),
            new AdaptiveLimit(options.maxConcurrency(), options.adaptiveConcurrency(),
                () -> timer.now(TimeUnit.NANOSECONDS)),
            new ItemCalls<>(call, notRunning, options.retryPolicy(),
                Requeueing.afterThrottling(options.retryPolicy(), options.adaptiveConcurrency()), progress,
                System::nanoTime),
            progress,
            new Line<>(timer, (int) Math.min(Integer.MAX_VALUE,
                (long) BulkOptions.BACKOFF_PER_SLOT * options.maxConcurrency())));
    }
}
