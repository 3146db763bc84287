package io.querystop.benchmarks.outside;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Runs every client on every workload, round after round, each run a whole process; the order of the clients turns by
 * one each round, so that none always runs first (cold page cache) or last (a busier machine). Every run is verified:
 * exit code 0, exactly one request per id counted by the server, and the client's own output showing every id
 * cancelled. A run that fails verification is printed with the start of its standard error and left out of medians.
 */
final class Rounds {

    private final ServerProcess server;
    private final ProcessTimer timer;
    private final PrintStream log;
    private final long timeoutSeconds;

    Rounds(ServerProcess server, ProcessTimer timer, PrintStream log, long timeoutSeconds) {
        this.server = server;
        this.timer = timer;
        this.log = log;
        this.timeoutSeconds = timeoutSeconds;
    }

    List<Measurement> run(List<Client> clients, List<Workload> workloads, int rounds)
        throws IOException, InterruptedException {
        List<Measurement> all = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Workload workload : workloads) {
                List<Client> order = new ArrayList<>(clients.stream().filter(c -> c.supports(workload)).toList());
                Collections.rotate(order, -(round - 1));
                for (Client client : order) {
                    all.add(once(client, workload, round));
                }
            }
        }
        return all;
    }

    Measurement once(Client client, Workload workload, int round) throws IOException, InterruptedException {
        long before = server.requests();
        ProcessTimer.Timed timed = timer.run(client.command().apply(workload), timeoutSeconds);
        long served = server.requests() - before;
        long cancelled = client.cancelled(timed.stdout(), workload);
        String problem = timed.exit() != 0 ? "exit " + timed.exit()
            : served != workload.ids() ? "the server counted " + served + " requests for " + workload.ids() + " ids"
            : cancelled != workload.ids() ? "its output shows " + cancelled + " of " + workload.ids() + " cancelled"
            : null;
        Measurement measured = new Measurement(client.name(), workload.name(), round, timed.wallSeconds(),
            timed.cpuSeconds(), timed.peakRssKb(), timed.exit(), problem);
        log.printf(Locale.ROOT, "round %d  %-18s %-22s wall %7.2f s  cpu %7.2f s  peak rss %5d MB  %s%n", round,
            workload.name(), client.name(), measured.wallSeconds(), measured.cpuSeconds(),
            measured.peakRssKb() / 1024, problem == null ? "verified" : "NOT VERIFIED: " + problem);
        if (problem != null) {
            Files.readAllLines(timed.stderr()).stream().limit(5).forEach(line -> log.println("    " + line));
        }
        return measured;
    }
}
