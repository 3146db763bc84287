package io.querystop.cli;

import io.querystop.RetryPolicy;
import io.querystop.bulk.BulkOptions;
import io.querystop.sweep.Mode;
import io.querystop.sweep.Selection;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every sweep command takes. */
final class SweepFlags {

    @Option(names = "--older-than", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Select work at least this old (500ms, 30s, 5m, 1h, 2d; a bare number is seconds). Default: 5m "
            + "for queries, 1h for loads, 30m for CloudTrail Lake queries.")
    Duration olderThan;

    @Option(names = "--match", paramLabel = "REGEX",
        description = "Select only queries whose text contains a match of REGEX (Java syntax), looked for in the first "
            + "1,024 characters: Neptune lists no more of a query.")
    String match;

    @Option(names = "--max", paramLabel = "N", description = "Select at most N (the oldest first); per pass with --watch.")
    Integer max;

    @Option(names = "--dry-run", description = "List what would be cancelled; send no cancel.")
    boolean dryRun;

    @Option(names = "--confirm", description = "After each cancel, read the status until the work is gone "
        + "(outcome confirmed) or --confirm-timeout passes (outcome still_running).")
    boolean confirm;

    @Option(names = "--confirm-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        defaultValue = "30s", description = "With --confirm: how long to wait for each (default ${DEFAULT-VALUE}).")
    Duration confirmTimeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
        defaultValue = "500ms", description = "With --confirm: time between two status reads (default ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--watch", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Sweep again every DURATION until Ctrl-C, never acting on the same work twice.")
    Duration watch;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
        description = "Cancels in flight at most per endpoint (default 64), adaptive below that.")
    int concurrency;

    @Option(names = "--grace-period", paramLabel = "SECONDS",
        description = "On SIGINT or SIGTERM: wait up to SECONDS for the cancels in flight, print their outcomes and "
            + "the summary, then exit 130 or 143; a second signal stops at once. Default: the read timeout (30 s).")
    Integer gracePeriod;

    Selection selection(Duration defaultAge) {
        Selection selection = Selection.defaults().withMinimumAge(olderThan != null ? olderThan : defaultAge);
        if (match != null) {
            selection = selection.withMatch(match);
        }
        if (max != null) {
            selection = selection.withMaxCount(max);
        }
        return selection;
    }

    Mode mode() {
        if (dryRun && confirm) {
            throw new CliException(CliException.USAGE, "querystop: error: --dry-run and --confirm exclude each other",
                null);
        }
        return dryRun ? Mode.dryRun() : confirm ? Mode.cancelAndConfirm(confirmTimeout, pollInterval) : Mode.cancel();
    }

    BulkOptions bulkOptions() {
        return BulkOptions.defaults().withMaxConcurrency(concurrency).withRetryPolicy(RetryPolicy.standard());
    }
}
