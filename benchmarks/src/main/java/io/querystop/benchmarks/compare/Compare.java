package io.querystop.benchmarks.compare;

import io.querystop.benchmarks.LoopbackServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The side-by-side comparison: the same bulk cancel of N Gremlin query ids, at the same concurrency, against the same
 * loopback server, by querystop, the AWS SDK for Java v1 async client, the v2 building blocks wired by hand, and a raw
 * unsigned Reactor Netty loop. Each run is a fresh JVM of its own (same heap, same flags) so that CPU, allocation and
 * heap are that client's alone; this process only serves. Rounds rotate the order so that drift hits all alike;
 * the table shows each figure's median over the rounds and ratios to querystop.
 *
 * <p>Options: {@code --ids N} (measured calls per run), {@code --warmup N} (calls before measuring), {@code
 * --concurrency N}, {@code --rounds N}, {@code --clients a,b,...}, {@code --heap 256m}.
 */
public final class Compare {

    static final String ACCESS_KEY = "AKIDEXAMPLEBENCH";
    static final String SECRET_KEY = "not-a-secret-benchmark-only";

    private static final List<String> ALL = List.of("querystop", "sdk-v1", "sdk-v2", "raw");

    record Result(String client, int ids, long cancelled, long wallNanos, long cpuNanos, long allocatedBytes,
                  long p50Nanos, long p99Nanos, long peakHeapBytes, int collections, long serverCpuNanos) {

        double perSecond() {
            return ids * 1e9 / wallNanos;
        }

        double cpuMicrosPerCall() {
            return cpuNanos / 1e3 / ids;
        }

        double allocatedPerCall() {
            return (double) allocatedBytes / ids;
        }

        double serverCpuMicrosPerCall() {
            return serverCpuNanos / 1e3 / ids;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int ids = Integer.parseInt(options.getOrDefault("ids", "100000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        String heap = options.getOrDefault("heap", "256m");
        List<String> clients = options.containsKey("clients")
            ? Arrays.asList(options.get("clients").split(",")) : ALL;

        System.out.printf("Compare %s: %d cores, %s %s, %s; %,d ids per run after %,d warm-up, concurrency %d, "
                + "%d rounds, -Xmx%s per client JVM%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"),
            ids, warmup, concurrency, rounds, heap);
        Map<String, List<Result>> results = new LinkedHashMap<>();
        clients.forEach(client -> results.put(client, new ArrayList<>()));
        try (LoopbackServer server = LoopbackServer.start()) {
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < clients.size(); k++) {
                    String client = clients.get((k + round) % clients.size()); // rotate the order each round
                    long served = server.requests();
                    Result result = runClient(client, server.endpoint(), ids, warmup, concurrency, heap);
                    long seen = server.requests() - served;
                    if (result.cancelled() != ids || seen != ids + warmup) {
                        throw new IllegalStateException(client + ": " + result.cancelled() + " of " + ids
                            + " cancelled, server saw " + seen + " requests for " + (ids + warmup));
                    }
                    results.get(client).add(result);
                    System.out.printf("  round %d %-10s %,9.0f/s  cpu %6.1f us  alloc %,7.0f B  p50 %6.2f ms  "
                            + "p99 %6.2f ms  heap %4d MiB  gc %3d  (server cpu %5.1f us)%n", round + 1, client,
                        result.perSecond(), result.cpuMicrosPerCall(), result.allocatedPerCall(),
                        result.p50Nanos() / 1e6, result.p99Nanos() / 1e6, result.peakHeapBytes() >> 20,
                        result.collections(), result.serverCpuMicrosPerCall());
                }
            }
        }
        System.out.println();
        System.out.print(table(results, concurrency));
    }

    private static Result runClient(String client, String endpoint, int ids, int warmup, int concurrency,
                                    String heap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xms" + heap, "-Xmx" + heap,
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp", System.getProperty("java.class.path"), ClientRun.class.getName(),
            client, endpoint, Integer.toString(ids), Integer.toString(warmup), Integer.toString(concurrency));
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String resultLine = null;
        long serverCpuAtStart = 0;
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    resultLine = line;
                } else if (line.equals("MEASURING")) {
                    serverCpuAtStart = os.getProcessCpuTime();
                } else if (line.equals("MEASURED")) {
                    serverCpuAtStart = os.getProcessCpuTime() - serverCpuAtStart;
                }
            }
        } finally {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly(); // only ever the process started here
            }
        }
        if (process.exitValue() != 0 || resultLine == null) {
            throw new IllegalStateException(client + " run failed (exit " + process.exitValue() + ")");
        }
        String[] f = resultLine.split(" ");
        return new Result(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
            Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
            Long.parseLong(f[9]), Integer.parseInt(f[10]), serverCpuAtStart);
    }

    static String table(Map<String, List<Result>> results, int concurrency) {
        StringBuilder table = new StringBuilder();
        table.append("Bulk cancel, concurrency ").append(concurrency)
            .append(", median of ").append(results.values().iterator().next().size()).append(" runs each\n\n");
        table.append("| client | cancels/s | CPU per cancel | allocated per cancel | p50 | p99 | peak heap "
            + "| throughput vs querystop | CPU vs querystop |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Result> reference = results.get("querystop");
        double refRate = reference == null ? Double.NaN : median(reference, Result::perSecond);
        double refCpu = reference == null ? Double.NaN : median(reference, Result::cpuMicrosPerCall);
        results.forEach((client, runs) -> {
            double rate = median(runs, Result::perSecond);
            double cpu = median(runs, Result::cpuMicrosPerCall);
            table.append(String.format("| %s | %,.0f | %.1f µs | %,.0f B | %.2f ms | %.2f ms | %d MiB | %.2fx | %.2fx |%n",
                client, rate, cpu, median(runs, Result::allocatedPerCall), median(runs, r -> r.p50Nanos() / 1e6),
                median(runs, r -> r.p99Nanos() / 1e6), (long) median(runs, r -> r.peakHeapBytes() >> 20),
                rate / refRate, cpu / refCpu));
        });
        return table.toString();
    }

    private static double median(List<Result> runs, ToDoubleFunction<Result> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
