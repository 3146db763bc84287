package io.querystop.benchmarks.outside;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regression guard the build runs (the benchmarks module's {@code verify} phase): a few seconds of the outside-in
 * benchmark, querystop's command line against a baseline measured in the same run on the same machine, the raw
 * Reactor Netty loop as a whole process ({@link RawMain}). It fails only on a gross regression, a ratio of medians
 * over a generous limit (default 5x on wall time and on CPU time), or on a run that is not verified; never on an
 * absolute time, so that a slow or busy machine slows both sides alike.
 *
 * <pre>
 * --rounds N (3)  --ids N (2000, the bulk run)  --max-ratio R (5)  --jar-dir DIR (target)
 * </pre>
 */
final class Guard {

    private Guard() {
    }

    /** Returns the exit code: 0 when within the limits (or skipped: no command line built), 1 otherwise. */
    static int run(Map<String, String> options, PrintStream out) throws Exception {
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int ids = Integer.parseInt(options.getOrDefault("ids", "2000"));
        double limit = Double.parseDouble(options.getOrDefault("max-ratio", "5"));
        OutsideIn.Setup setup = OutsideIn.Setup.create(Path.of(options.getOrDefault("jar-dir", "target")), out);
        if (setup == null) {
            out.println("regression guard: SKIPPED, the command line is not built");
            return 0;
        }
        try (setup) {
            Client querystop = setup.launcher() != null ? Client.querystopLauncher(setup.launcher(), setup.endpoint())
                : Client.querystopJar(setup.java(), setup.jar(), setup.endpoint());
            Client raw = Client.javaMain("raw Reactor Netty", setup.java(), setup.classpath(), RawMain.class,
                setup.endpoint());
            List<Client> clients = List.of(querystop, raw);
            List<Workload> workloads = List.of(Workload.single(),
                Workload.bulk(String.format("bulk, %,d", ids), ids, 64, setup.scratch()));
            Report report = new Report(setup.rounds(120).run(clients, workloads, rounds));
            report.print(clients, workloads, raw.name(), out);
            boolean ok = report.allVerified();
            out.println();
            for (Workload workload : workloads) {
                ok &= within(report, querystop, raw, workload, "wall", Measurement::wallSeconds, limit, out);
                ok &= within(report, querystop, raw, workload, "CPU", Measurement::cpuSeconds, limit, out);
            }
            out.println(ok ? "regression guard: passed" : "regression guard: FAILED (see benchmarks/README.md, "
                + "\"Regression guard\")");
            return ok ? 0 : 1;
        }
    }

    private static boolean within(Report report, Client querystop, Client raw, Workload workload, String figure,
                                  java.util.function.ToDoubleFunction<Measurement> value, double limit,
                                  PrintStream out) {
        double ratio = report.median(querystop.name(), workload.name(), value)
            / report.median(raw.name(), workload.name(), value);
        boolean ok = ratio <= limit; // NaN (no verified run) fails
        out.printf(Locale.ROOT, "%-18s %-4s querystop / raw = %5.2f (limit %.1f): %s%n", workload.name(), figure,
            ratio, limit, ok ? "ok" : "TOO SLOW");
        return ok;
    }
}
