package io.querystop.benchmarks.outside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What every client is asked to do in one run: cancel one Gremlin query id given on the command line, or every id of a
 * file (one per line) at a concurrency. Ids are UUIDs, random per workload, so that no run can lean on another's.
 *
 * @param file the ids, or {@code null} for the single cancel
 */
record Workload(String name, int ids, int concurrency, String singleId, Path file) {

    static Workload single() {
        return new Workload("one cancel, cold", 1, 1, UUID.randomUUID().toString(), null);
    }

    static Workload bulk(String name, int ids, int concurrency, Path directory) throws IOException {
        List<String> lines = new ArrayList<>(ids);
        for (int i = 0; i < ids; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Path file = directory.resolve("ids-" + ids + ".txt");
        Files.write(file, lines);
        return new Workload(name, ids, concurrency, null, file);
    }

    boolean isSingle() {
        return file == null;
    }

    /** The ids as the command line and the benchmark's own clients take them. */
    List<String> arguments() {
        return isSingle() ? List.of("--query-id", singleId)
            : List.of("--query-ids-file", file.toString(), "--concurrency", String.valueOf(concurrency));
    }
}
