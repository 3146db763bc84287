package io.querystop.benchmarks.outside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One client as its users run it: a command per workload (none for a workload it has no form for), and how its
 * output says how many ids it cancelled.
 */
record Client(String name, Function<Workload, List<String>> command, Output output) {

    /** How a client reports what it cancelled on standard output. */
    enum Output {
        /** querystop: the pretty response for one id; one NDJSON outcome line per id for a file. */
        QUERYSTOP,
        /** The AWS CLI: the response as JSON. */
        AWS_CLI,
        /** The benchmark's own clients and the boto3 script: a last line {@code cancelled N of M}. */
        COUNT_LINE
    }

    boolean supports(Workload workload) {
        return command.apply(workload) != null;
    }

    /** How many ids the client's own output says it cancelled. */
    long cancelled(Path stdout, Workload workload) {
        try {
            return switch (output) {
                case QUERYSTOP -> {
                    if (workload.isSingle()) {
                        yield Files.readString(stdout).contains("\"status\": \"200 OK\"") ? 1 : 0;
                    }
                    try (Stream<String> lines = Files.lines(stdout)) {
                        yield lines.filter(line -> line.contains("\"outcome\":\"cancelled\"")).count();
                    }
                }
                case AWS_CLI -> Files.readString(stdout).contains("\"status\": \"200 OK\"") ? 1 : 0;
                case COUNT_LINE -> {
                    List<String> lines = Files.readAllLines(stdout);
                    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
                    yield last.startsWith("cancelled ") ? Long.parseLong(last.split(" ")[1]) : 0;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The querystop command line through the launcher the build writes next to the jar. */
    static Client querystopLauncher(Path launcher, String endpoint) {
        return new Client("querystop", workload -> querystop(List.of(launcher.toString()), endpoint, workload),
            Output.QUERYSTOP);
    }

    /** The querystop command line as {@code java -jar target/querystop.jar}, with the JVM's defaults. */
    static Client querystopJar(String java, Path jar, String endpoint) {
        return new Client("querystop (java -jar)",
            workload -> querystop(List.of(java, "-jar", jar.toString()), endpoint, workload), Output.QUERYSTOP);
    }

    private static List<String> querystop(List<String> launch, String endpoint, Workload workload) {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("--endpoint-url", endpoint, "neptunedata", "cancel-gremlin-query"));
        command.addAll(workload.arguments());
        if (!workload.isSingle()) {
            command.add("--fixed-concurrency"); // as the SDK baselines run: the same 64 in flight throughout
        }
        return command;
    }

    /** A main class of this module in a JVM of its own, with the JVM's defaults. */
    static Client javaMain(String name, String java, String classpath, Class<?> main, String endpoint) {
        return new Client(name, workload -> {
            List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, main.getName(),
                "--endpoint-url", endpoint));
            command.addAll(workload.arguments());
            return command;
        }, Output.COUNT_LINE);
    }

    /** The AWS CLI, one process per id: only the single cancel. */
    static Client awsCli(Path aws, String endpoint) {
        return new Client("AWS CLI", workload -> !workload.isSingle() ? null
            : List.of(aws.toString(), "neptunedata", "cancel-gremlin-query", "--query-id", workload.singleId(),
                "--endpoint-url", endpoint), Output.AWS_CLI);
    }

    /** boto3 in a Python script of five lines: only the single cancel. */
    static Client boto3(Path python, String endpoint) {
        String script = "import sys, boto3\n"
            + "client = boto3.client('neptunedata', endpoint_url=sys.argv[1])\n"
            + "status = client.cancel_gremlin_query(queryId=sys.argv[2]).get('status')\n"
            + "print(status)\n"
            + "print('cancelled %d of 1' % (1 if status == '200 OK' else 0))\n";
        return new Client("boto3", workload -> !workload.isSingle() ? null
            : List.of(python.toString(), "-c", script, endpoint, workload.singleId()), Output.COUNT_LINE);
    }
}
