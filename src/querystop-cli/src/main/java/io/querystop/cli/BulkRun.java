package io.querystop.cli;

import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.BulkProgress;
import io.querystop.bulk.CancelOutcome;
import io.querystop.bulk.ProgressTracker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * One bulk run of the command line: ids read from a file or standard input go through a service client's bulk
 * method; each input line gets one outcome line on standard output, and standard error gets a progress bar (on a
 * terminal) and a summary. On SIGINT or SIGTERM it stops reading ids, lets the calls in flight finish within the grace
 * period (a second signal ends it at once), writes {@code unknown} for the calls still unanswered, and exits 130 or 143.
 *
 * @param <R> the operation's response
 */
final class BulkRun<R> {

    private final String operation;
    private final PrintStream out;
    private final PrintStream err;
    private final IdReader reader;
    private final long size;
    private final Set<String> finished;
    private final Duration grace;
    private final StopSignals signals;
    private final boolean progressBar;

    /**
     * @param reader      the ids; closed when the reading ends
     * @param size        the input's size in bytes, or negative when unknown (standard input)
     * @param finished    ids an earlier run finished: skipped
     * @param progressBar whether to draw the progress bar
     */
    BulkRun(String operation, PrintStream out, PrintStream err, IdReader reader, long size, Set<String> finished,
            Duration grace, StopSignals signals, boolean progressBar) {
        this.operation = operation;
        this.out = out;
        this.err = err;
        this.reader = reader;
        this.size = size;
        this.finished = finished;
        this.grace = grace;
        this.signals = signals;
        this.progressBar = progressBar;
    }

    /**
     * Runs to the end, or to a stop, and returns the exit code: 0 when every id was cancelled or not running, 254 when
     * any failed, 130 or 143 after a signal. An error of the whole run (reading the input, the client) is thrown
     * after the outcomes that came before it.
     */
    int run(BulkOptions base, Function<BulkOptions, Function<Flux<String>, Flux<CancelOutcome<R>>>> bulk)
        throws Exception {
        ProgressTracker tracker = new ProgressTracker();
        BulkOptions options = base.withProgress(tracker);
        OutcomeWriter writer = new OutcomeWriter(out);
        BulkStop stop = new BulkStop(grace, System::nanoTime);
        OutcomeQueue<R> outcomes = new OutcomeQueue<>(stop);
        Disposable bar = progressBar
            ? new ProgressBar(() -> sample(writer, tracker), size).start(err) : null;
        try (AutoCloseable handlers = signals.install(stop::signal)) {
            bulk.apply(options).apply(ids(writer, stop)).subscribe(outcomes);
            boolean announced = false;
            while (true) {
                for (CancelOutcome<R> outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
                    writer.outcome(outcome);
                }
                if (outcomes.finished()) {
                    break;
                }
                writer.flush(); // nothing more to print for now: hand over what the last wake-up brought
                if (!announced && stop.signal() != null) {
                    announced = true;
                    err.printf(Locale.ROOT, "%squerystop: SIG%s: reading no more ids; waiting %s for the calls in "
                            + "flight (signal again to stop now)%n", bar != null ? "\r\033[K" : "", stop.signal(),
                        grace.compareTo(Duration.ofDays(1)) >= 0 ? "without limit" : "up to " + grace.toSeconds()
                            + " s");
                }
                if (stop.await()) {
                    outcomes.stopNow();
                    for (CancelOutcome<R> outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
                        writer.outcome(outcome);
                    }
                    writer.closeUnanswered();
                    break;
                }
            }
        } finally {
            writer.flush();
            outcomes.cancel(); // a no-op after the end; after an interrupt of this thread it stops the run
            if (bar != null) {
                bar.dispose();
                err.print("\r\033[K");
            }
        }
        if (outcomes.error() != null && stop.signal() == null) {
            throw outcomes.error() instanceof Exception e ? e : new IllegalStateException(outcomes.error());
        }
        OutcomeWriter.Counts counts = writer.counts();
        summary(counts, tracker.snapshot(), stop.signal());
        if (stop.signal() != null) {
            return StopSignals.exitCode(stop.signal());
        }
        return counts.failed() + counts.unknown() == 0 ? 0 : CliException.SERVICE;
    }

    /**
     * The ids to send, read on a thread that may block: lines that are not ids get their failed line at once, ids an
     * earlier run finished are skipped, and the reading stops at the first signal (even in a blocked read of standard
     * input). Each id is recorded as sent just before the engine takes it.
     */
    private Flux<String> ids(OutcomeWriter writer, BulkStop stop) {
        return Flux.<IdReader.IdLine, IdReader>generate(() -> reader, (in, sink) -> {
                next(in, sink, writer, stop);
                return in;
            }, in -> {
                try {
                    in.close();
                } catch (IOException e) {
                    // nothing more is read from it
                }
            })
            .subscribeOn(Schedulers.boundedElastic())
            .takeUntilOther(stop.inputStopped())
            .doOnNext(line -> writer.sent(line.id(), line.number()))
            .map(IdReader.IdLine::id);
    }

    private void next(IdReader in, SynchronousSink<IdReader.IdLine> sink, OutcomeWriter writer, BulkStop stop) {
        try {
            while (stop.signal() == null) {
                IdReader.IdLine line = in.next();
                if (line == null) {
                    break;
                } else if (line.problem() != null) {
                    writer.invalid(line.number(), line.problem());
                } else if (finished.contains(line.id())) {
                    writer.skipped();
                } else {
                    sink.next(line);
                    return;
                }
            }
            sink.complete();
        } catch (IOException e) {
            sink.error(new UncheckedIOException(e));
        }
    }

    private ProgressLine.Sample sample(OutcomeWriter writer, ProgressTracker tracker) {
        OutcomeWriter.Counts counts = writer.counts();
        BulkProgress progress = tracker.snapshot();
        return new ProgressLine.Sample(System.nanoTime(), reader.position(), counts.written(), counts.cancelled(),
            counts.notRunning(), counts.failed(), counts.skipped(), progress.throttled(), progress.inFlight(),
            progress.concurrencyLimit());
    }

    private void summary(OutcomeWriter.Counts counts, BulkProgress progress, String signal) {
        double seconds = progress.elapsed().toNanos() / 1e9;
        StringBuilder line = new StringBuilder(operation).append(": ");
        if (signal != null) {
            line.append("stopped by SIG").append(signal).append(": ");
        }
        line.append(String.format(Locale.ROOT, "%d cancelled, %d not running, %d failed", counts.cancelled(),
            counts.notRunning(), counts.failed()));
        if (counts.unknown() > 0) {
            line.append(", ").append(counts.unknown()).append(" unknown");
        }
        line.append(" of ").append(counts.written()).append(" ids");
        if (counts.skipped() > 0) {
            line.append(" (").append(counts.skipped()).append(" more skipped: finished in the --resume files)");
        }
        line.append(String.format(Locale.ROOT, " in %.1f s (%.0f/s), concurrency limit %d", seconds,
            seconds > 0 ? counts.written() / seconds : 0, progress.concurrencyLimit()));
        err.println(line);
    }
}
