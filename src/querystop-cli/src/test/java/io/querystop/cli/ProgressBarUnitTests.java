package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarUnitTests {

    private static final long SECOND = 1_000_000_000L;

    /** At {@code seconds}, {@code position} bytes read and {@code done} lines written, all cancelled. */
    private static ProgressLine.Sample at(long seconds, long position, long done) {
        return new ProgressLine.Sample(seconds * SECOND, position, done, done, 0, 0, 0, 7, 12, 48);
    }

    @Test
    void aFileShowsTheShareReadTheCountsTheRateAndTheTimeLeft() {
        String line = ProgressLine.render(at(20, 500, 1_000), at(10, 250, 500), 1_000);

        assertThat(line).isEqualTo("[##########..........]  50.0% 1,000 done (1,000 cancelled, 0 not running, 0 failed)"
            + ", 12 in flight, 7 throttled, limit 48, 50/s, ETA 0:20");
    }

    @Test
    void standardInputHasNoBarNoPercentageAndNoEstimate() {
        String line = ProgressLine.render(at(20, 500, 1_000), at(10, 250, 500), -1);

        assertThat(line).isEqualTo("1,000 done (1,000 cancelled, 0 not running, 0 failed), 12 in flight, "
            + "7 throttled, limit 48, 50/s");
    }

    @Test
    void skippedIdsAndUnknownOrFinishedEstimates() {
        ProgressLine.Sample skipping = new ProgressLine.Sample(3 * SECOND, 10, 5, 3, 1, 1, 2_500, 0, 0, 64);

        assertThat(ProgressLine.render(skipping, skipping, 100)).contains("5 done (3 cancelled, 1 not running, "
            + "1 failed), 2,500 skipped").endsWith("0/s, ETA --:--");
        assertThat(ProgressLine.render(at(5, 100, 10), at(4, 90, 9), 100)).startsWith("[####################] 100.0%")
            .endsWith("ETA 0:00");
        assertThat(ProgressLine.render(at(5, 0, 0), at(5, 0, 0), 0)).startsWith("[####################] 100.0%");
        assertThat(ProgressLine.duration(59)).isEqualTo("0:59");
        assertThat(ProgressLine.duration(3_725)).isEqualTo("1:02:05");
    }

    @Test
    void theRateIsThatOfTheLastSecondsNotTheAverageSinceTheStart() {
        ProgressBar bar = new ProgressBar(() -> null, 1_000_000);
        long done = 0;
        long position = 0;
        String line = null;
        for (int second = 0; second <= 20; second++) {
            line = bar.next(at(second, position, done));
            boolean fast = second < 10;
            done += fast ? 1_000 : 10;
            position += fast ? 10_000 : 100;
        }

        // 10,100 done in 20 s is 505/s on average; the last 5 s ran at 10/s, and 100 bytes/s leave 899,000 bytes
        assertThat(line).contains("10,100 done").contains(", 10/s, ").endsWith("ETA 2:29:50");
    }

    @Test
    void theWindowKeepsItsOldestSampleUntilANewerOneCoversFiveSeconds() {
        ProgressBar bar = new ProgressBar(() -> null, -1);

        bar.next(at(0, 0, 0));
        assertThat(bar.next(at(3, 0, 300))).contains("100/s");
        assertThat(bar.next(at(5, 0, 500))).as("still 5 s after the first").contains("100/s");
        assertThat(bar.next(at(6, 0, 1_500))).as("from the sample at 3 s").contains("400/s");
    }
}
