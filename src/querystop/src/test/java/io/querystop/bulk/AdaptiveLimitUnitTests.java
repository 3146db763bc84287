package io.querystop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The adaptive in-flight limit on a clock the test moves: every figure is exact. */
class AdaptiveLimitUnitTests {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock that moves only when told. */
    private static final class Clock {
        long nanos;

        long now() {
            return nanos;
        }

        void advance(long by) {
            nanos += by;
        }
    }

    private final Clock clock = new Clock();

    private AdaptiveLimit adaptive(int max) {
        return new AdaptiveLimit(max, true, clock::now);
    }

    private static void successes(AdaptiveLimit limit, int count, long latencyNanos) {
        for (int i = 0; i < count; i++) {
            limit.onAttempt(false, latencyNanos);
        }
    }

    /** Slow start up to 16, then one throttling answer: 8, with a 10 ms baseline. */
    private AdaptiveLimit afterFirstThrottling() {
        AdaptiveLimit limit = adaptive(64);
        successes(limit, 12, 10 * MS);
        assertThat(limit.current()).isEqualTo(16);
        limit.onAttempt(true, 10 * MS);
        assertThat(limit.current()).isEqualTo(8);
        return limit;
    }

    @Test
    void slowStartBeginsAtFourAndAddsOnePerSuccessUntilTheFirstThrottling() {
        AdaptiveLimit limit = adaptive(64);
        assertThat(limit.current()).isEqualTo(AdaptiveLimit.INITIAL);

        limit.onAttempt(false, 10 * MS);
        assertThat(limit.current()).isEqualTo(5);
        successes(limit, 9, 10 * MS);
        assertThat(limit.current()).isEqualTo(14);
        // in slow start even a slow answer grows it: there is no baseline worth the name yet
        limit.onAttempt(false, 100 * MS);
        assertThat(limit.current()).isEqualTo(15);

        assertThat(adaptive(2).current()).as("never above the maximum, even at the start").isEqualTo(2);
    }

    @Test
    void throttlingHalvesTheLimitAtMostOncePerRoundTrip() {
        AdaptiveLimit limit = afterFirstThrottling(); // halved at clock 0: 16 -> 8

        clock.advance(5 * MS);
        limit.onAttempt(true, 10 * MS);
        limit.onAttempt(true, 10 * MS);
        assertThat(limit.current()).as("answers to calls sent before the halving: same round trip").isEqualTo(8);

        clock.advance(AdaptiveLimit.MIN_DECREASE_INTERVAL_NANOS);
        limit.onAttempt(true, 10 * MS);
        assertThat(limit.current()).isEqualTo(4);

        // with a slower service the round trip is its smoothed latency, longer than the 20 ms floor
        AdaptiveLimit slow = adaptive(64);
        successes(slow, 12, 100 * MS);
        slow.onAttempt(true, 100 * MS);
        assertThat(slow.current()).isEqualTo(8);
        clock.advance(60 * MS);
        slow.onAttempt(true, 100 * MS);
        assertThat(slow.current()).as("60 ms after, within a 100 ms round trip").isEqualTo(8);
        clock.advance(50 * MS);
        slow.onAttempt(true, 100 * MS);
        assertThat(slow.current()).isEqualTo(4);
    }

    @Test
    void theFirstThrottlingHalvesWhateverTheClockReads() {
        clock.nanos = -5_000_000_000L; // System.nanoTime() may be negative, or near zero
        AdaptiveLimit limit = adaptive(64);
        successes(limit, 4, 10 * MS);

        limit.onAttempt(true, 10 * MS);

        assertThat(limit.current()).isEqualTo(4);
    }

    @Test
    void afterTheFirstThrottlingTheLimitGrowsByOnePerLimitSuccesses() {
        AdaptiveLimit limit = afterFirstThrottling();

        successes(limit, 8, 10 * MS);
        assertThat(limit.current()).as("each success adds 1/limit: 8 successes are not quite one").isEqualTo(8);
        limit.onAttempt(false, 10 * MS);
        assertThat(limit.current()).isEqualTo(9);
        successes(limit, 9, 10 * MS);
        assertThat(limit.current()).isEqualTo(10);
    }

    @Test
    void afterABurstTheLimitRegrowsByOnePerSuccessToHalfItsValueWhenTheBurstBegan() {
        AdaptiveLimit limit = afterFirstThrottling(); // 16 -> 8 at clock 0: the burst begins
        for (int i = 0; i < 3; i++) { // throttled round trip after round trip: one burst
            clock.advance(25 * MS);
            limit.onAttempt(true, 10 * MS);
        }
        assertThat(limit.current()).isEqualTo(1);

        clock.advance(100 * MS);
        successes(limit, 7, 10 * MS);
        assertThat(limit.current()).as("one per success up to 8, half of 16").isEqualTo(8);
        successes(limit, 9, 10 * MS);
        assertThat(limit.current()).as("then one per round trip").isEqualTo(9);

        clock.advance(1_000 * MS);
        limit.onAttempt(true, 10 * MS);
        assertThat(limit.current()).isEqualTo(4);
        limit.onAttempt(false, 10 * MS);
        assertThat(limit.current()).as("a new burst after a quiet spell: half of 9 to regain, no more")
            .isEqualTo(4);
    }

    @Test
    void noIncreaseWhileLatencyIsAboveTwiceTheBaseline() {
        AdaptiveLimit limit = afterFirstThrottling(); // baseline 10 ms

        successes(limit, 50, 25 * MS);
        assertThat(limit.current()).as("the service is queueing").isEqualTo(8);

        successes(limit, 9, 19 * MS);
        assertThat(limit.current()).as("under twice the baseline again").isEqualTo(9);
    }

    @Test
    void theLimitStaysBetweenOneAndTheMaximum() {
        AdaptiveLimit limit = adaptive(6);
        successes(limit, 100, 10 * MS);
        assertThat(limit.current()).isEqualTo(6);

        for (int i = 0; i < 10; i++) {
            clock.advance(1_000 * MS);
            limit.onAttempt(true, 10 * MS);
        }
        assertThat(limit.current()).isEqualTo(1);

        successes(limit, 1_000, 10 * MS);
        assertThat(limit.current()).isEqualTo(6);
    }

    @Test
    void withoutAdaptiveConcurrencyTheLimitIsTheMaximumWhateverHappens() {
        AdaptiveLimit limit = new AdaptiveLimit(10, false, clock::now);
        assertThat(limit.current()).isEqualTo(10);

        limit.onAttempt(true, 10 * MS);
        clock.advance(1_000 * MS);
        limit.onAttempt(true, 10 * MS);
        successes(limit, 100, 10 * MS);

        assertThat(limit.current()).isEqualTo(10);
    }
}
