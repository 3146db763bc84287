package io.querystop.benchmarks.outside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The arguments of the benchmark's own whole-process clients, named as the command line names them:
 * {@code --endpoint-url URL (--query-id ID | --query-ids-file FILE) [--concurrency N]}.
 */
record ClientArgs(String endpoint, List<String> ids, int concurrency) {

    static ClientArgs parse(String[] args) throws IOException {
        String endpoint = null;
        List<String> ids = null;
        int concurrency = 64;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--endpoint-url" -> endpoint = args[i + 1];
                case "--query-id" -> ids = List.of(args[i + 1]);
                case "--query-ids-file" -> ids = Files.readAllLines(Path.of(args[i + 1]));
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (endpoint == null || ids == null) {
            throw new IllegalArgumentException("usage: --endpoint-url URL (--query-id ID | --query-ids-file FILE) "
                + "[--concurrency N]");
        }
        return new ClientArgs(endpoint, ids, concurrency);
    }

    /** The last line every client prints, which the benchmark checks: how many of the ids were cancelled. */
    static int report(long cancelled, int of) {
        System.out.println("cancelled " + cancelled + " of " + of);
        return cancelled == of ? 0 : 1;
    }
}
