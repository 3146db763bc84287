package io.querystop.benchmarks.outside;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Medians over the verified runs, per workload and client, with ratios to the reference client, as Markdown. */
final class Report {

    private final List<Measurement> all;

    Report(List<Measurement> all) {
        this.all = all;
    }

    /** The median of a figure over the verified runs of a client on a workload; NaN when there is none. */
    double median(String client, String workload, ToDoubleFunction<Measurement> figure) {
        double[] values = all.stream().filter(m -> m.verified() && m.client().equals(client)
            && m.workload().equals(workload)).mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    long runs(String client, String workload, boolean verified) {
        return all.stream().filter(m -> m.client().equals(client) && m.workload().equals(workload)
            && m.verified() == verified).count();
    }

    boolean allVerified() {
        return all.stream().allMatch(Measurement::verified);
    }

    void print(List<Client> clients, List<Workload> workloads, String reference, PrintStream out) {
        for (Workload workload : workloads) {
            out.printf(Locale.ROOT, "%n%s: %,d id%s%s, medians of the verified runs; \"x ref\" = this client's figure "
                    + "over %s's%n%n", workload.name(), workload.ids(), workload.ids() == 1 ? "" : "s",
                workload.isSingle() ? "" : " from a file at concurrency " + workload.concurrency(), reference);
            out.println("| client | runs | wall | CPU (user+sys) | peak RSS | cancels/s | CPU per cancel "
                + "| wall x ref | CPU x ref |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            double refWall = median(reference, workload.name(), Measurement::wallSeconds);
            double refCpu = median(reference, workload.name(), Measurement::cpuSeconds);
            for (Client client : clients) {
                if (!client.supports(workload)) {
                    continue;
                }
                String name = client.name();
                long ok = runs(name, workload.name(), true);
                long bad = runs(name, workload.name(), false);
                String runs = ok + (bad > 0 ? " (+" + bad + " failed)" : "");
                if (ok == 0) {
                    out.printf(Locale.ROOT, "| %s | %s | | | | | | | |%n", name, runs);
                    continue;
                }
                double wall = median(name, workload.name(), Measurement::wallSeconds);
                double cpu = median(name, workload.name(), Measurement::cpuSeconds);
                double rss = median(name, workload.name(), Measurement::peakRssKb) / 1024;
                out.printf(Locale.ROOT, "| %s | %s | %.2f s | %.2f s | %.0f MB | %s | %s | %.2fx | %.2fx |%n", name,
                    runs, wall, cpu, rss,
                    workload.isSingle() ? "" : String.format(Locale.ROOT, "%,.0f", workload.ids() / wall),
                    workload.isSingle() ? "" : String.format(Locale.ROOT, "%.1f µs", cpu * 1e6 / workload.ids()),
                    wall / refWall, cpu / refCpu);
            }
        }
    }
}
