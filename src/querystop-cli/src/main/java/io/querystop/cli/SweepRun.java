package io.querystop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.bulk.ProgressTracker;
import io.querystop.sweep.ListingFailure;
import io.querystop.sweep.SweepEvent;
import io.querystop.sweep.SweepOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * One sweep of the command line: one JSON line per selected query on stdout, listing failures and one summary line
 * per endpoint on stderr. On SIGINT or SIGTERM it stops as soon as no cancel is in flight (within the grace period; a
 * second signal stops at once): nothing more is listed or cancelled, confirmations still waiting are dropped, and the
 * exit code is 130 or 143.
 */
final class SweepRun {

    private final String operation;
    private final PrintStream out;
    private final PrintStream err;
    private final StopSignals signals;
    private final Duration grace;
    private final SweepTally tally = new SweepTally();

    SweepRun(String operation, PrintStream out, PrintStream err, StopSignals signals, Duration grace) {
        this.operation = operation;
        this.out = out;
        this.err = err;
        this.signals = signals;
        this.grace = grace;
    }

    /** Runs to the end (or to a stop) and returns the exit code. */
    int run(Flux<SweepEvent> events, ProgressTracker progress) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> signal = new AtomicReference<>();
        AtomicInteger signalCount = new AtomicInteger();
        // printing may block: events are queued here and printed by this thread, so none is lost at a stop
        Queue<SweepEvent> queue = new ConcurrentLinkedQueue<>();
        Disposable subscription = events
            .subscribe(queue::add, error -> {
                failure.set(error);
                done.countDown();
            }, done::countDown);
        try (AutoCloseable handlers = signals.install(name -> {
            signal.compareAndSet(null, name);
            signalCount.incrementAndGet();
        })) {
            long stopBy = Long.MAX_VALUE;
            while (!done.await(20, TimeUnit.MILLISECONDS)) {
                drain(queue);
                if (signal.get() == null) {
                    continue;
                }
                if (stopBy == Long.MAX_VALUE) {
                    stopBy = System.nanoTime() + grace.toNanos();
                    err.printf(Locale.ROOT, "querystop: SIG%s: stopping once the cancels in flight are answered "
                        + "(up to %d s; signal again to stop now)%n", signal.get(), grace.toSeconds());
                }
                if (signalCount.get() > 1 || progress.snapshot().inFlight() == 0 || System.nanoTime() >= stopBy) {
                    break;
                }
            }
        } finally {
            subscription.dispose();
        }
        drain(queue);
        if (failure.get() != null && signal.get() == null) {
            throw failure.get() instanceof Exception e ? e : new IllegalStateException(failure.get());
        }
        for (String line : tally.summary(operation)) {
            err.println(signal.get() != null ? line + " (stopped by SIG" + signal.get() + ")" : line);
        }
        if (signal.get() != null) {
            return StopSignals.exitCode(signal.get());
        }
        return tally.allDone() ? 0 : CliException.SERVICE;
    }

    private void drain(Queue<SweepEvent> queue) {
        for (SweepEvent event = queue.poll(); event != null; event = queue.poll()) {
            print(event);
        }
    }

    private void print(SweepEvent event) {
        tally.add(event);
        if (event instanceof SweepOutcome outcome) {
            out.println(line(outcome));
        } else if (event instanceof ListingFailure failure) {
            ObjectNode error = Json.error(failure.error());
            err.printf(Locale.ROOT, "querystop: cannot list %s%s on %s: %s%n", failure.language(),
                failure.id() == null ? "" : " " + failure.id(), failure.endpoint(), error);
        }
    }

    /** The outcome line: endpoint, language, id, ages, query, outcome, then what is known. */
    static ObjectNode line(SweepOutcome outcome) {
        ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        json.put("endpoint", outcome.endpoint());
        json.put("language", outcome.language());
        json.put("id", outcome.id());
        json.put("age_ms", outcome.ageMillis());
        if (outcome.waitedMillis() != null) {
            json.put("waited_ms", outcome.waitedMillis());
        }
        if (outcome.query() != null) {
            json.put("query", outcome.query());
        }
        json.put("outcome", outcome.outcome().label());
        if (outcome.attempts() > 0) {
            json.put("attempts", outcome.attempts());
        }
        if (outcome.timeToConfirm() != null) {
            json.put("confirm_ms", outcome.timeToConfirm().toMillis());
        }
        if (!outcome.details().isEmpty()) {
            json.set("details", Json.MAPPER.valueToTree(new java.util.TreeMap<>(outcome.details())));
        }
        if (outcome.error() != null) {
            json.set("error", Json.error(outcome.error()));
        }
        return json;
    }
}
