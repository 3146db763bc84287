package io.querystop.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap after each collection, as a child JVM's {@code -Xlog:gc:file=...} wrote it ({@code [4.321s][info][gc]
 * GC(9) Pause Young (Normal) (G1 Evacuation Pause) 52M->7M(256M) 2.345ms}), from the time the run started sending:
 * whether it stayed flat while it did. {@code skipped} collections came before.
 */
record GcLog(List<Integer> afterGcMiB, int skipped) {

    private static final Pattern PAUSE = Pattern.compile("Pause.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern UPTIME = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s\\]");

    /** @param fromSeconds the JVM's uptime at which the run started sending; collections before it are skipped */
    static GcLog read(Path file, double fromSeconds) throws IOException {
        List<Integer> after = new ArrayList<>();
        int skipped = 0;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    Matcher uptime = UPTIME.matcher(line);
                    if (uptime.find() && Double.parseDouble(uptime.group(1)) < fromSeconds) {
                        skipped++;
                    } else {
                        after.add(Integer.parseInt(m.group(2)));
                    }
                }
            }
        }
        return new GcLog(after, skipped);
    }

    /** The largest heap after a collection in the first quarter of the collections (after the first, which loads). */
    int earlyMiB() {
        return max(1, Math.max(2, afterGcMiB.size() / 4));
    }

    /** The largest heap after a collection in the last quarter of the collections. */
    int lateMiB() {
        return max(afterGcMiB.size() - Math.max(1, afterGcMiB.size() / 4), afterGcMiB.size());
    }

    private int max(int from, int to) {
        int max = 0;
        for (int i = Math.max(0, Math.min(from, afterGcMiB.size())); i < Math.min(to, afterGcMiB.size()); i++) {
            max = Math.max(max, afterGcMiB.get(i));
        }
        return max;
    }

    /** Flat: the late figure at most 16 MiB (and 25%) above the early one; too few collections to tell count as flat. */
    boolean flat() {
        return afterGcMiB.size() < 4 || lateMiB() <= Math.max(earlyMiB() + 16, earlyMiB() * 1.25);
    }

    @Override
    public String toString() {
        return (afterGcMiB.size() + skipped) + " GCs (" + skipped + " before the first request), after GC early "
            + earlyMiB() + " MiB, late " + lateMiB() + " MiB";
    }
}
