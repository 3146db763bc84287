package io.querystop.sweep;

import io.querystop.bulk.BulkCancel;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.sweep.SweepOutcome.Outcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The action step of a pass: one final {@link SweepOutcome} per chosen candidate. Cancels run through the bulk engine,
 * one run per endpoint, because throttling is per instance: each instance gets its own adaptive limit, and a client
 * failing as a whole (closed, no credentials) fails only its own endpoint's candidates.
 */
final class Cancelling {

    /** Confirmations waiting at once; each is mostly an idle timer between two status reads. */
    private static final int CONFIRMING = 256;

    private Cancelling() {
    }

    static Flux<SweepEvent> run(List<Candidate> chosen, Mode mode, BulkOptions bulk, Scheduler scheduler) {
        if (mode.action() == Mode.Action.DRY_RUN) {
            return Flux.fromIterable(chosen).map(candidate -> outcome(candidate, Outcome.SELECTED, null, 0, null, null,
                Map.of()));
        }
        Map<String, List<Candidate>> byEndpoint = new LinkedHashMap<>();
        chosen.forEach(candidate -> byEndpoint.computeIfAbsent(candidate.endpoint(), e -> new java.util.ArrayList<>())
            .add(candidate));
        return Flux.fromIterable(byEndpoint.values())
            .flatMap(candidates -> endpoint(candidates, mode, bulk, scheduler), Math.max(1, byEndpoint.size()));
    }

    private static Flux<SweepEvent> endpoint(List<Candidate> candidates, Mode mode, BulkOptions bulk,
                                             Scheduler scheduler) {
        return Flux.defer(() -> {
            Set<Long> answered = ConcurrentHashMap.newKeySet();
            Flux<CancelOutcome<Object>> outcomes = BulkCancel.run(Flux.fromIterable(candidates), Candidate::id,
                (candidate, options) -> Mono.defer(() -> candidate.control().cancel(options))
                    .<Object>map(accepted -> accepted)
                    .onErrorMap(candidate.control()::isNotRunning, NotRunningAnswer::new),
                NotRunningAnswer.class::isInstance, bulk);
            Flux<SweepEvent> finished = outcomes
                .doOnNext(outcome -> answered.add(outcome.index()))
                .flatMap(outcome -> settle(candidates.get((int) outcome.index()), outcome, mode, scheduler), CONFIRMING);
            // a failure of the client itself ends the bulk run: the candidates it left get it as their outcome
            return finished.onErrorResume(error -> Flux.range(0, candidates.size())
                .filter(index -> !answered.contains((long) index))
                .map(index -> outcome(candidates.get(index), Outcome.FAILED, error, 0, null, null,
                    candidates.get(index).control().explain(error))));
        });
    }

    private static Mono<SweepEvent> settle(Candidate candidate, CancelOutcome<Object> outcome, Mode mode,
                                           Scheduler scheduler) {
        Throwable error = outcome.error() instanceof NotRunningAnswer answer ? answer.getCause() : outcome.error();
        return switch (outcome.status()) {
            case CANCELLED -> mode.action() == Mode.Action.CONFIRM
                ? Confirmation.confirm(candidate, outcome, mode, scheduler)
                : Mono.just(outcome(candidate, Outcome.CANCELLED, null, outcome.attempts(), outcome.latency(), null,
                    Map.of()));
            case NOT_RUNNING -> Mono.just(outcome(candidate, Outcome.NOT_RUNNING, error, outcome.attempts(),
                outcome.latency(), null, Map.of()));
            case FAILED, DUPLICATE -> Mono.just(outcome(candidate, Outcome.FAILED,
                error != null ? error : new IllegalStateException("not sent: a duplicate"), outcome.attempts(),
                outcome.latency(), null, candidate.control().explain(error)));
        };
    }

    static SweepOutcome outcome(Candidate candidate, Outcome outcome, Throwable error, int attempts,
                                Duration cancelLatency, Duration timeToConfirm, Map<String, Object> extra) {
        Map<String, Object> details = candidate.details();
        if (!extra.isEmpty()) {
            details = new HashMap<>(details);
            details.putAll(extra);
        }
        return new SweepOutcome(candidate.endpoint(), candidate.language(), candidate.id(), candidate.ageMillis(),
            candidate.waitedMillis(), candidate.query(), outcome, error, attempts, cancelLatency, timeToConfirm,
            details);
    }

    /** Marks a "not running" answer for the bulk engine, whose predicate sees only the error. */
    static final class NotRunningAnswer extends RuntimeException {
        NotRunningAnswer(Throwable answer) {
            super(answer.getMessage(), answer, false, false);
        }
    }
}
