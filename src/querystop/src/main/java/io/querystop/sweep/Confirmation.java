package io.querystop.sweep;

import io.querystop.bulk.CancelOutcome;
import io.querystop.sweep.SweepOutcome.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Reads a cancelled candidate's status through its own endpoint until it is gone ({@code CONFIRMED}) or the deadline
 * passes ({@code STILL_RUNNING}). The first read is right after the cancel's answer, the last one at the deadline; a
 * read that fails is one more "still running" (the last error is reported), never the end of the confirmation.
 */
final class Confirmation {

    private Confirmation() {
    }

    static Mono<SweepEvent> confirm(Candidate candidate, CancelOutcome<?> cancelled, Mode mode, Scheduler scheduler) {
        return Mono.defer(() -> {
            long start = scheduler.now(TimeUnit.MILLISECONDS);
            long deadline = start + mode.confirmTimeout().toMillis();
            long poll = mode.pollInterval().toMillis();
            AtomicReference<Throwable> lastError = new AtomicReference<>();
            Mono<Boolean> read = Mono.defer(() -> Mono.defer(() -> candidate.control().stopped())
                .timeout(Duration.ofMillis(Math.max(1, deadline - scheduler.now(TimeUnit.MILLISECONDS))), scheduler)
                .defaultIfEmpty(false)
                .onErrorResume(error -> {
                    lastError.set(error);
                    return Mono.just(false);
                }));
            return read
                .expand(gone -> {
                    long now = scheduler.now(TimeUnit.MILLISECONDS);
                    return gone || now >= deadline ? Mono.empty()
                        : Mono.delay(Duration.ofMillis(Math.min(poll, deadline - now)), scheduler).then(read);
                })
                .last()
                .map(gone -> gone
                    ? Cancelling.outcome(candidate, Outcome.CONFIRMED, null, cancelled.attempts(), cancelled.latency(),
                        Duration.ofMillis(scheduler.now(TimeUnit.MILLISECONDS) - start), Map.of())
                    : Cancelling.outcome(candidate, Outcome.STILL_RUNNING, lastError.get(), cancelled.attempts(),
                        cancelled.latency(), null, Map.of()));
        });
    }
}
