package io.querystop.cli;

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
}
