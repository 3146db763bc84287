package io.querystop.benchmarks.outside;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The outside-in benchmark: every client as its users run it, each run a whole process, against one loopback server in
 * a process of its own; three workloads (one cancel cold; a file of ids at concurrency 64, 10,000 and 200,000 by
 * default), alternating, several rounds, every run verified; medians and ratios to querystop printed as Markdown.
 * Clients not installed on the machine are skipped, and the header says so.
 *
 * <pre>
 * --rounds N (3)  --bulk N (10000)  --big N (200000; 0 skips it)  --concurrency N (64)
 * --quick         2 rounds, 2,000 and 20,000 ids
 * --jar-dir DIR   where querystop.jar and the launcher are (target, from the repository root)
 * --guard         the regression guard instead: see {@link Guard}
 * </pre>
 */
public final class OutsideIn {

    /** Every client signs with these; the loopback server checks nothing. */
    static final Map<String, String> AWS_ENVIRONMENT = Map.of(
        "AWS_ACCESS_KEY_ID", "AKIDQUERYSTOPBENCH01",
        "AWS_SECRET_ACCESS_KEY", "querystop-benchmark-secret-key-000000000",
        "AWS_REGION", "us-east-1",
        "AWS_DEFAULT_REGION", "us-east-1",
        "AWS_EC2_METADATA_DISABLED", "true",
        "AWS_PAGER", "");

    private OutsideIn() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("guard")) {
            System.exit(Guard.run(options, System.out));
        }
        boolean quick = options.containsKey("quick");
        int rounds = Integer.parseInt(options.getOrDefault("rounds", quick ? "2" : "3"));
        int bulk = Integer.parseInt(options.getOrDefault("bulk", quick ? "2000" : "10000"));
        int big = Integer.parseInt(options.getOrDefault("big", quick ? "20000" : "200000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        System.exit(run(Path.of(options.getOrDefault("jar-dir", "target")), rounds, bulk, big, concurrency,
            System.out));
    }

    static int run(Path jarDir, int rounds, int bulk, int big, int concurrency, PrintStream out) throws Exception {
        Setup setup = Setup.create(jarDir, out);
        if (setup == null) {
            return 2;
        }
        try (setup) {
            List<Client> clients = new ArrayList<>();
            if (setup.launcher() != null) {
                clients.add(Client.querystopLauncher(setup.launcher(), setup.endpoint()));
            }
            clients.add(Client.querystopJar(setup.java(), setup.jar(), setup.endpoint()));
            clients.add(Client.javaMain("AWS SDK for Java v1", setup.java(), setup.classpath(), SdkV1Main.class,
                setup.endpoint()));
            clients.add(Client.javaMain("raw Reactor Netty", setup.java(), setup.classpath(), RawMain.class,
                setup.endpoint()));
            Path aws = Machine.onPath("aws");
            String awsVersion = aws == null ? null : Machine.firstLine(List.of(aws.toString(), "--version"));
            if (awsVersion != null) {
                clients.add(Client.awsCli(aws, setup.endpoint()));
            }
            Path python = Machine.onPath("python3");
            String boto3 = python == null ? null
                : Machine.firstLine(List.of(python.toString(), "-c", "import boto3; print(boto3.__version__)"));
            if (boto3 != null) {
                clients.add(Client.boto3(python, setup.endpoint()));
            }
            out.println("AWS CLI: " + (awsVersion != null ? awsVersion + " (" + aws + ")" : "not installed, skipped"));
            out.println("boto3: " + (boto3 != null ? boto3 + " (" + python + ")" : "not installed, skipped"));
            out.println("The AWS CLI and boto3 run the single cancel only (one process per id is not how anyone "
                + "cancels 10,000).");
            List<Workload> workloads = new ArrayList<>();
            workloads.add(Workload.single());
            if (bulk > 0) {
                workloads.add(Workload.bulk("bulk, " + String.format("%,d", bulk), bulk, concurrency,
                    setup.scratch()));
            }
            if (big > 0) {
                workloads.add(Workload.bulk("bulk, " + String.format("%,d", big), big, concurrency, setup.scratch()));
            }
            out.println();
            List<Measurement> all = setup.rounds(600).run(clients, workloads, rounds);
            Report report = new Report(all);
            out.println();
            out.println(Machine.describe() + " (at the end)");
            report.print(clients, workloads, clients.get(0).name(), out);
            return report.allVerified() ? 0 : 1;
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "");
            }
        }
        return options;
    }

    /** The server, the scratch directory and the paths every run needs; closing stops the server, deletes files. */
    record Setup(ServerProcess server, ProcessTimer timer, Path scratch, String java, String classpath, Path jar,
                 Path launcher, PrintStream out) implements AutoCloseable {

        /** {@code null}, after saying why, when the command line has not been built. */
        static Setup create(Path jarDir, PrintStream out) throws IOException {
            Path jar = jarDir.resolve("querystop.jar").toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                out.println("no " + jar + ": build it first (./mvnw -q -B -DskipTests package, from the repository "
                    + "root)");
                return null;
            }
            Path launcher = jarDir.resolve("querystop").toAbsolutePath();
            String javaHome = System.getProperty("java.home");
            Map<String, String> environment = new HashMap<>(AWS_ENVIRONMENT);
            environment.put("JAVA_HOME", javaHome); // the launcher runs the same JVM as every other Java client
            Path scratch = Files.createTempDirectory("querystop-outside-in");
            environment.put("AWS_CONFIG_FILE", scratch.resolve("no-aws-config").toString());
            environment.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-aws-credentials").toString());
            ProcessTimer timer = new ProcessTimer(scratch, environment);
            String java = Path.of(javaHome, "bin", "java").toString();
            String classpath = System.getProperty("java.class.path");
            out.println("querystop outside-in benchmark");
            out.println(Machine.describe() + " (at the start)");
            out.println("measured with " + timer.method());
            out.println("launcher: " + (Files.isExecutable(launcher) ? launcher + (Files.exists(
                jarDir.resolve("querystop.jsa")) ? ", with its class-data-sharing archive" : ", WITHOUT an archive")
                : "not built (no sh?), skipped"));
            ServerProcess server = new ServerProcess(java, classpath);
            out.println("loopback server (another process): " + server.endpoint());
            return new Setup(server, timer, scratch, java, classpath, jar, Files.isExecutable(launcher) ? launcher
                : null, out);
        }

        String endpoint() {
            return server.endpoint();
        }

        Rounds rounds(long timeoutSeconds) {
            return new Rounds(server, timer, out, timeoutSeconds);
        }

        @Override
        public void close() throws Exception {
            server.close();
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
