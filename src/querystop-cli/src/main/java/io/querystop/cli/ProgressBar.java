package io.querystop.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The progress bar of a bulk run on standard error (a terminal): redrawn five times a second from a sample of the run,
 * with the rate over the last {@link #WINDOW} (a sliding window of samples).
 */
final class ProgressBar {

    static final Duration WINDOW = Duration.ofSeconds(5);

    private final Supplier<ProgressLine.Sample> sampler;
    private final long total;
    private final Deque<ProgressLine.Sample> window = new ArrayDeque<>();

    /** @param total the input's size in bytes, or negative when unknown */
    ProgressBar(Supplier<ProgressLine.Sample> sampler, long total) {
        this.sampler = sampler;
        this.total = total;
    }

    /** Draws until disposed; the caller clears the line afterwards. */
    Disposable start(PrintStream err) {
        return Flux.interval(Duration.ofMillis(200), Schedulers.boundedElastic())
            .subscribe(tick -> err.print("\r" + next(sampler.get()) + "\033[K"));
    }

    /** Adds a sample to the window, drops those older than the window, and renders against the oldest kept. */
    String next(ProgressLine.Sample sample) {
        window.addLast(sample);
        while (window.size() > 1 && sample.nanos() - window.peekFirst().nanos() > WINDOW.toNanos()) {
            window.removeFirst();
        }
        return ProgressLine.render(sample, window.peekFirst(), total);
    }
}
