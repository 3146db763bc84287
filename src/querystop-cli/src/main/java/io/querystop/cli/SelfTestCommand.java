package io.querystop.cli;

import io.querystop.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code querystop selftest} (hidden): this command line's own commands, in this process, against the embedded
 * emulator on loopback: one cancel of each service and a bulk run from a file. The package step runs it to record the
 * classes a run loads into the launcher's class-data-sharing archive; it also tells whether the jar works on a JVM.
 */
@Command(name = "selftest", hidden = true, mixinStandardHelpOptions = true,
    description = "Run one cancel of each service and a bulk run from a file against the embedded emulator.")
final class SelfTestCommand implements Callable<Integer> {

    /** CloudTrail query ids are UUIDs. */
    private static final String TRAIL_QUERY = "5e1f7a0c-0000-4000-8000-000000000001";

    @Spec
    CommandSpec spec;
    @Option(names = "--ids", defaultValue = "2000", description = "Ids in the bulk run (default 2000).")
    int ids;

    @Override
    public Integer call() throws IOException {
        QuerystopCommand root = (QuerystopCommand) spec.root().userObject();
        CommandTree.full(root); // every command's classes into the archive, not only those of the runs below
        Path file = Files.createTempFile("querystop-selftest", ".ids");
        // The commands find credentials (and the first one its region) through the default chains, whose first links
        // are these properties.
        String region = System.getProperty("aws.region");
        String accessKey = System.setProperty("aws.accessKeyId", Emulator.DEFAULT_ACCESS_KEY_ID);
        String secretKey = System.setProperty("aws.secretAccessKey", Emulator.DEFAULT_SECRET_ACCESS_KEY);
        try (Emulator emulator = Emulator.builder().workerThreads(1).maxRecordedRequests(16).start()) {
            System.setProperty("aws.region", emulator.region());
            List<String> lines = new ArrayList<>(ids);
            for (int i = 0; i < ids; i++) {
                lines.add("selftest-" + i);
                emulator.addGremlinQuery("selftest-" + i);
            }
            Files.write(file, lines);
            emulator.addGremlinQuery("selftest-single").addCloudTrailQuery(TRAIL_QUERY, "RUNNING");
            String endpoint = emulator.endpoint().toString();
            Output single = run(root.in, "--endpoint-url", endpoint, "neptunedata", "cancel-gremlin-query",
                "--query-id", "selftest-single");
            Output trail = run(root.in, "--endpoint-url", endpoint, "--region", emulator.region(),
                "cloudtrail", "cancel-query", "--query-id", TRAIL_QUERY);
            Output bulk = run(root.in, "--endpoint-url", endpoint, "--region", emulator.region(),
                "neptunedata", "cancel-gremlin-query", "--query-ids-file", file.toString());
            long cancelled = bulk.out.lines().filter(line -> line.contains("\"outcome\":\"cancelled\"")).count();
            boolean ok = single.exit == 0 && trail.exit == 0 && bulk.exit == 0 && cancelled == ids;
            root.out.printf(Locale.ROOT, "selftest: %s (one Gremlin cancel: exit %d; one CloudTrail cancel: exit %d; "
                + "bulk: %d of %d cancelled, exit %d)%n", ok ? "ok" : "FAILED", single.exit, trail.exit, cancelled,
                ids, bulk.exit);
            if (!ok) {
                root.err.print(single.err + trail.err + bulk.err);
            }
            return ok ? 0 : 1;
        } finally {
            Files.deleteIfExists(file);
            restore("aws.accessKeyId", accessKey);
            restore("aws.secretAccessKey", secretKey);
            restore("aws.region", region);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private record Output(int exit, String out, String err) {
    }

    private static Output run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, in, new PrintStream(out, false, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
