package io.querystop.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the bulk form of the cancel commands. */
final class BulkFlags {

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
        description = "Calls in flight at most (default 64); adaptive below that unless --fixed-concurrency.")
    int concurrency;

    @Option(names = "--fixed-concurrency", description = "Keep the concurrency at --concurrency.")
    boolean fixedConcurrency;

    @Option(names = "--max-rps", paramLabel = "R", description = "Start at most R calls per second.")
    Double maxRps;

    @Option(names = "--resume", paramLabel = "FILE",
        description = "An earlier run's output (its outcome lines; repeatable): ids it shows cancelled or "
            + "not_running are not sent again and get no line; failed, unknown or missing ones are sent. A line "
            + "that is not an outcome line stops the command (exit 252) before anything is sent. Memory: about "
            + "120 MB per million finished ids of 36 characters (UUIDs).")
    List<String> resume = new ArrayList<>();

    @Option(names = "--grace-period", paramLabel = "SECONDS",
        description = "On SIGINT (Ctrl-C) or SIGTERM: read no more ids, wait up to SECONDS for the calls in flight, "
            + "print their outcomes, 'unknown' for those still unanswered (the service may have acted), and the "
            + "summary, then exit 130 (SIGINT) or 143 (SIGTERM). A second signal stops at once; 0 does not wait. "
            + "Default: the read timeout (--cli-read-timeout, 30 s).")
    Integer gracePeriod;
}
