package io.querystop.sweep;

import io.querystop.InvalidInputException;
import io.querystop.bulk.BulkOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a sweep's passes: list, choose (oldest first, at most the maximum, never a key chosen before), act. Once, or
 * every interval until disposed. The clock and timers are Reactor's parallel scheduler's, taken at subscription, so
 * that virtual time drives them in tests.
 */
final class Passes {

    private Passes() {
    }

    static Flux<SweepEvent> once(Lister lister, Selection selection, Mode mode, BulkOptions bulk) {
        check(selection, mode, bulk);
        return Flux.defer(() -> pass(lister, selection, mode, bulk, new HashSet<>(), Schedulers.parallel()));
    }

    /**
     * A pass starts every {@code every}; one that takes longer (confirming, say) delays the next, never overlaps it.
     * Keys chosen once are remembered until a complete listing no longer shows them (the work is gone).
     */
    static Flux<SweepEvent> watch(Lister lister, Selection selection, Mode mode, BulkOptions bulk, Duration every) {
        check(selection, mode, bulk);
        if (every == null || every.isNegative() || every.isZero()) {
            throw new InvalidInputException("every", "must be positive");
        }
        return Flux.defer(() -> {
            Set<String> chosenBefore = ConcurrentHashMap.newKeySet();
            Scheduler scheduler = Schedulers.parallel();
            return Flux.defer(() -> {
                long start = scheduler.now(TimeUnit.MILLISECONDS);
                Mono<SweepEvent> pause = Mono.defer(() -> Mono.delay(Duration.ofMillis(Math.max(0,
                    start + every.toMillis() - scheduler.now(TimeUnit.MILLISECONDS))), scheduler)).then(Mono.empty());
                return pass(lister, selection, mode, bulk, chosenBefore, scheduler).concatWith(pause);
            }).repeat();
        });
    }

    private static void check(Selection selection, Mode mode, BulkOptions bulk) {
        if (selection == null) {
            throw new InvalidInputException("selection", "must not be null");
        }
        if (mode == null) {
            throw new InvalidInputException("mode", "must not be null");
        }
        if (bulk == null) {
            throw new InvalidInputException("bulkOptions", "must not be null");
        }
    }

    private static Flux<SweepEvent> pass(Lister lister, Selection selection, Mode mode, BulkOptions bulk,
                                         Set<String> chosenBefore, Scheduler scheduler) {
        return Mono.defer(() -> lister.list(selection, () -> scheduler.now(TimeUnit.MILLISECONDS)))
            .flatMapMany(listing -> {
                if (listing.complete()) {
                    chosenBefore.retainAll(listing.listedKeys());
                }
                List<Candidate> chosen = choose(listing.candidates(), selection.maxCount(), chosenBefore);
                return Flux.<SweepEvent>fromIterable(listing.failures())
                    .concatWith(Cancelling.run(chosen, mode, bulk, scheduler));
            });
    }

    /** The oldest first, each key once, none chosen in an earlier pass, at most {@code max}. */
    static List<Candidate> choose(List<Candidate> candidates, int max, Set<String> chosenBefore) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingLong(Candidate::ageMillis).reversed());
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate candidate : sorted) {
            if (chosen.size() >= max) {
                break;
            }
            if (chosenBefore.add(candidate.key())) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }
}
