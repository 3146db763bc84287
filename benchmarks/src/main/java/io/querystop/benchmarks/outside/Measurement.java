package io.querystop.benchmarks.outside;

/**
 * One whole-process run of one client on one workload, as seen from outside: wall time, CPU time (user + system, its
 * children included), peak resident set size, exit code, and whether it did all it was asked (the server counted
 * exactly one request per id, and the client's own output says each was cancelled).
 *
 * @param problem why the run does not count, or {@code null} when it was verified
 */
record Measurement(String client, String workload, int round, double wallSeconds, double cpuSeconds, long peakRssKb,
                   int exit, String problem) {

    boolean verified() {
        return problem == null;
    }
}
