package io.querystop.cli;

import java.util.Locale;

/**
 * The text of the progress bar, a pure function of two samples: the latest and the oldest of the last few seconds, so
 * that the rate and the estimate follow what the run does now, not its average since the start.
 */
final class ProgressLine {

    private static final int WIDTH = 20;

    /**
     * The figures of a run at one moment.
     *
     * @param nanos    when, on any monotonic clock
     * @param position bytes of the input read so far
     * @param done     outcome lines written
     * @param skipped  ids not sent because an earlier run finished them
     */
    record Sample(long nanos, long position, long done, long cancelled, long notRunning, long failed, long skipped,
                  long throttled, int inFlight, int limit) {
    }

    private ProgressLine() {
    }

    /**
     * @param total the input's size in bytes, or a negative number when it is unknown (standard input): then there is
     *              no bar, no percentage and no estimate
     */
    static String render(Sample now, Sample then, long total) {
        double seconds = (now.nanos() - then.nanos()) / 1e9;
        double rate = seconds > 0 ? (now.done() - then.done()) / seconds : 0;
        StringBuilder line = new StringBuilder();
        if (total >= 0) {
            double fraction = total == 0 ? 1 : Math.min(1, (double) now.position() / total);
            int filled = (int) (fraction * WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                .append(String.format(Locale.ROOT, "%5.1f%% ", fraction * 100));
        }
        line.append(String.format(Locale.ROOT, "%,d done (%,d cancelled, %,d not running, %,d failed)", now.done(),
            now.cancelled(), now.notRunning(), now.failed()));
        if (now.skipped() > 0) {
            line.append(String.format(Locale.ROOT, ", %,d skipped", now.skipped()));
        }
        line.append(String.format(Locale.ROOT, ", %,d in flight, %,d throttled, limit %d, %,.0f/s", now.inFlight(),
            now.throttled(), now.limit(), rate));
        if (total >= 0) {
            double bytesPerSecond = seconds > 0 ? (now.position() - then.position()) / seconds : 0;
            long remaining = Math.max(0, total - now.position());
            line.append(", ETA ").append(remaining == 0 ? "0:00"
                : bytesPerSecond > 0 ? duration((long) Math.ceil(remaining / bytesPerSecond)) : "--:--");
        }
        return line.toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
            : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
