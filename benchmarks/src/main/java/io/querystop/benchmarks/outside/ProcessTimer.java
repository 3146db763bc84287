package io.querystop.benchmarks.outside;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as a whole process and measures it from outside. With GNU time ({@code /usr/bin/time}) CPU and
 * peak RSS come from the kernel's accounting of the process and the children it waited for (a launcher script, a
 * pyenv shim); without it they are sampled from {@code /proc/<pid>} every 10 ms, which misses the last moments and
 * any child process (said so in the output). Wall time is measured here, around the process.
 */
final class ProcessTimer {

    /** What a run left: its figures and where its standard output went. */
    record Timed(double wallSeconds, double cpuSeconds, long peakRssKb, int exit, Path stdout, Path stderr) {
    }

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private final Path scratch;
    private final Map<String, String> environment;
    private final boolean gnuTime = Files.isExecutable(GNU_TIME);

    ProcessTimer(Path scratch, Map<String, String> environment) {
        this.scratch = scratch;
        this.environment = environment;
    }

    String method() {
        return gnuTime ? "GNU time (/usr/bin/time): CPU user+sys and max RSS of the process and its waited-for children"
            : "no /usr/bin/time: CPU and VmHWM sampled from /proc every 10 ms (underestimates; child processes missed)";
    }

    Timed run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path stdout = scratch.resolve("stdout");
        Path stderr = scratch.resolve("stderr");
        Path times = scratch.resolve("time");
        Files.deleteIfExists(times);
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", times.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        ProcSampler sampler = gnuTime ? null : new ProcSampler(process.pid());
        boolean finished = sampler == null ? process.waitFor(timeoutSeconds, TimeUnit.SECONDS)
            : sampler.sampleUntilExit(process, timeoutSeconds);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int exit = finished ? process.exitValue() : -1;
        if (sampler != null) {
            return new Timed(wall, sampler.cpuSeconds(), sampler.peakRssKb(), exit, stdout, stderr);
        }
        List<String> lines = Files.exists(times) ? Files.readAllLines(times) : List.of();
        String[] figures = lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).trim().split("\\s+");
        if (figures.length < 3) {
            return new Timed(wall, Double.NaN, -1, exit, stdout, stderr);
        }
        return new Timed(wall, Double.parseDouble(figures[0]) + Double.parseDouble(figures[1]),
            Long.parseLong(figures[2]), exit, stdout, stderr);
    }

    /** The fallback: CPU ticks and VmHWM read from /proc while the process lives. */
    private static final class ProcSampler {
        private final long pid;
        private long ticks;
        private long peakRssKb = -1;

        ProcSampler(long pid) {
            this.pid = pid;
        }

        boolean sampleUntilExit(Process process, long timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
                sample();
                if (System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        }

        private void sample() {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended between two samples
            }
        }

        double cpuSeconds() {
            return ticks / 100.0; // USER_HZ, 100 on Linux
        }

        long peakRssKb() {
            return peakRssKb;
        }
    }
}
