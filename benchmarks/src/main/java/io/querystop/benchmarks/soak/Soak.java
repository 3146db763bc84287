package io.querystop.benchmarks.soak;

import io.querystop.emulator.Emulator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The soak: N ids (default 1,000,000) cancelled by the real CLI jar, run as a child process, against the loopback
 * {@link SoakServer} (10% scripted faults), stopped by SIGTERM at three random moments and resumed each time with
 * {@code --resume} of all earlier outputs; then {@link SoakOutputs} checks the union of the outputs and the server's
 * counts, and {@link GcLog} the child's heap after each collection. Exits 0 when every check passed, 1 otherwise.
 *
 * <p>Usage: {@code Soak [--ids N] [--interrupts K] [--seed S] [--concurrency C] [--heap 512m] [--minutes M]
 * [--read-timeout SECONDS] [--jar ../target/querystop.jar] [--dir target/soak]}. The read timeout (default 2 s) is
 * what the scripted unanswered requests cost; too short on a busy machine, it turns slow answers into timeouts the
 * script does not explain. Bounded by {@code --minutes} (default 20): a child still
 * running then is killed (its pid only) and the soak fails.
 */
public final class Soak {

    private int ids = 1_000_000;
    private int interrupts = 3;
    private long seed = System.nanoTime();
    private int concurrency = 64;
    private String heap = "512m";
    private int minutes = 20;
    private int readTimeoutSeconds = 2;
    private Path jar = Path.of("../target/querystop.jar");
    private Path dir = Path.of("target/soak");

    public static void main(String[] args) throws Exception {
        Soak soak = new Soak();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--ids" -> soak.ids = Integer.parseInt(args[i + 1]);
                case "--interrupts" -> soak.interrupts = Integer.parseInt(args[i + 1]);
                case "--seed" -> soak.seed = Long.parseLong(args[i + 1]);
                case "--concurrency" -> soak.concurrency = Integer.parseInt(args[i + 1]);
                case "--heap" -> soak.heap = args[i + 1];
                case "--minutes" -> soak.minutes = Integer.parseInt(args[i + 1]);
                case "--read-timeout" -> soak.readTimeoutSeconds = Integer.parseInt(args[i + 1]);
                case "--jar" -> soak.jar = Path.of(args[i + 1]);
                case "--dir" -> soak.dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.exit(soak.run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it with ./mvnw package");
        }
        Files.createDirectories(dir);
        Path idsFile = dir.resolve("ids.txt");
        try (BufferedWriter out = Files.newBufferedWriter(idsFile, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ids; i++) {
                out.write(SoakServer.id(i));
                out.write('\n');
            }
        }
        System.out.printf("Soak %s, %d cores, %s %s: %,d ids, %d interrupts, seed %d, concurrency %d fixed, read"
                + " timeout %d s, child heap %s%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"), System.getProperty("java.version"), ids, interrupts, seed,
            concurrency, readTimeoutSeconds, heap);
        Random random = new Random(seed);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        List<Path> outputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        try (SoakServer server = new SoakServer(ids)) {
            for (int run = 1; run <= interrupts + 1; run++) {
                boolean interrupted = run <= interrupts;
                Path output = dir.resolve("run-" + run + ".jsonl");
                Path gc = dir.resolve("run-" + run + ".gc.log");
                server.newRun();
                long runStart = System.nanoTime();
                Process child = start(server, idsFile, outputs, output, gc, dir.resolve("run-" + run + ".err"));
                long servedAtStart = server.served();
                long signalAt = -1;
                if (interrupted) {
                    signalAt = servedAtStart + (long) (ids * (0.05 + 0.2 * random.nextDouble()));
                    while (child.isAlive() && server.served() < signalAt && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    if (child.isAlive()) {
                        child.destroy(); // SIGTERM, to this child's pid only
                    }
                }
                long wait = Math.max(0, deadline - System.nanoTime());
                if (!child.waitFor(interrupted ? Math.min(wait, TimeUnit.SECONDS.toNanos(60)) : wait,
                        TimeUnit.NANOSECONDS)) {
                    child.destroyForcibly();
                    child.waitFor();
                    problems.add("run " + run + " did not end in time and was killed");
                }
                int expectedExit = interrupted ? 143 : 0;
                if (child.exitValue() != expectedExit) {
                    problems.add("run " + run + " exited " + child.exitValue() + ", expected " + expectedExit);
                }
                // from the first request on: before it, the run reads its --resume files into the set of finished
                // ids (about 120 bytes each, by design), which a flatness check must not take for a leak
                long firstServed = server.firstServedNanos();
                GcLog heapLog = GcLog.read(gc, firstServed == 0 ? 0 : (firstServed - runStart) / 1e9);
                if (!heapLog.flat()) {
                    problems.add("run " + run + " heap not flat: " + heapLog);
                }
                System.out.printf("run %d: %s, exit %d, %.1f s, %,d requests served, %s, %,d lines%n", run,
                    interrupted ? "SIGTERM after " + (signalAt - servedAtStart) + " requests" : "to the end",
                    child.exitValue(), (System.nanoTime() - runStart) / 1e9, server.served() - servedAtStart,
                    heapLog, lineCount(output));
                outputs.add(output);
            }
            SoakOutputs union = new SoakOutputs(ids);
            for (Path output : outputs) {
                union.read(output);
            }
            SoakOutputs.Verdict verdict = union.verdict(server);
            problems.addAll(verdict.problems());
            System.out.printf("union of %d outputs: lines %s%n", outputs.size(), verdict.lines());
            System.out.printf("ids with exactly one final outcome %,d, failed with a reason %,d, without %,d, with"
                    + " two or more %,d%n", verdict.exactlyOnce(), verdict.failedWithReason(), verdict.missing(),
                verdict.twice());
            System.out.printf("server: %,d requests for %,d ids; ids sent once more than their fault explains %,d,"
                    + " more than that %,d; most requests for one id %d%n", server.served(), ids,
                verdict.resentBeyondFaults(), verdict.overLimit(), verdict.mostRequests());
        }
        System.out.printf("wall %.1f s%n", (System.nanoTime() - started) / 1e9);
        problems.forEach(problem -> System.out.println("PROBLEM: " + problem));
        System.out.println(problems.isEmpty() ? "SOAK PASSED" : "SOAK FAILED");
        return problems.isEmpty();
    }

    private Process start(SoakServer server, Path idsFile, List<Path> earlier, Path output, Path gc, Path err)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-Xlog:gc:file=" + gc, "-jar", jar.toString(),
            "neptunedata", "cancel-gremlin-query", "--query-ids-file", idsFile.toString(),
            "--endpoint-url", server.endpoint(), "--concurrency", Integer.toString(concurrency),
            "--fixed-concurrency", "--cli-read-timeout", Integer.toString(readTimeoutSeconds)));
        for (Path file : earlier) {
            command.add("--resume");
            command.add(file.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
            .redirectError(err.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", Emulator.DEFAULT_ACCESS_KEY_ID);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", Emulator.DEFAULT_SECRET_ACCESS_KEY);
        builder.environment().put("AWS_REGION", Emulator.DEFAULT_REGION);
        return builder.start();
    }

    private static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }
}
