package io.querystop.cli;

import io.querystop.sweep.ListingFailure;
import io.querystop.sweep.SweepEvent;
import io.querystop.sweep.SweepOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Counts of a sweep's events per endpoint (or another key), and each endpoint's times to confirm; for summaries and the demo. */
final class SweepTally {

    /** One endpoint's figures. */
    static final class Endpoint {
        final Map<SweepOutcome.Outcome, Long> outcomes = new EnumMap<>(SweepOutcome.Outcome.class);
        final List<Long> confirmMillis = new ArrayList<>();
        long listingFailures;

        long count(SweepOutcome.Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        long selected() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The time to confirm at this percentile (0 to 1), in milliseconds, or -1 when none was confirmed. */
        long confirmPercentile(double p) {
            if (confirmMillis.isEmpty()) {
                return -1;
            }
            long[] sorted = confirmMillis.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, index)];
        }
    }

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Function<SweepEvent, String> key;

    /** Figures per endpoint. */
    SweepTally() {
        this(SweepEvent::endpoint);
    }

    /** Figures per key of the events (such as endpoint and kind of work). */
    SweepTally(Function<SweepEvent, String> key) {
        this.key = key;
    }

    synchronized void add(SweepEvent event) {
        Endpoint endpoint = endpoints.computeIfAbsent(key.apply(event), e -> new Endpoint());
        if (event instanceof SweepOutcome outcome) {
            endpoint.outcomes.merge(outcome.outcome(), 1L, Long::sum);
            if (outcome.timeToConfirm() != null) {
                endpoint.confirmMillis.add(outcome.timeToConfirm().toMillis());
            }
        } else if (event instanceof ListingFailure) {
            endpoint.listingFailures++;
        }
    }

    synchronized Map<String, Endpoint> endpoints() {
        return new LinkedHashMap<>(endpoints);
    }

    /** Whether every selected query was dealt with: selected (dry run), cancelled, confirmed or not running. */
    synchronized boolean allDone() {
        return endpoints.values().stream().allMatch(e -> e.listingFailures == 0
            && e.count(SweepOutcome.Outcome.FAILED) == 0 && e.count(SweepOutcome.Outcome.STILL_RUNNING) == 0);
    }

    /** One summary line per endpoint, e.g. for stderr. */
    synchronized List<String> summary(String operation) {
        List<String> lines = new ArrayList<>();
        endpoints.forEach((name, e) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s %s: %d selected, %d cancelled, %d confirmed, %d not running, %d still running, %d failed",
                operation, name, e.selected(), e.count(SweepOutcome.Outcome.CANCELLED),
                e.count(SweepOutcome.Outcome.CONFIRMED), e.count(SweepOutcome.Outcome.NOT_RUNNING),
                e.count(SweepOutcome.Outcome.STILL_RUNNING), e.count(SweepOutcome.Outcome.FAILED)));
            if (e.count(SweepOutcome.Outcome.SELECTED) > 0) {
                line.append(" (dry run: ").append(e.count(SweepOutcome.Outcome.SELECTED)).append(" left running)");
            }
            if (!e.confirmMillis.isEmpty()) {
                line.append(String.format(Locale.ROOT, "; time to confirm p50 %d ms, p99 %d ms",
                    e.confirmPercentile(0.50), e.confirmPercentile(0.99)));
            }
            if (e.listingFailures > 0) {
                line.append("; ").append(e.listingFailures).append(" listing failures");
            }
            lines.add(line.toString());
        });
        if (lines.isEmpty()) {
            lines.add(operation + ": nothing selected");
        }
        return lines;
    }
}
