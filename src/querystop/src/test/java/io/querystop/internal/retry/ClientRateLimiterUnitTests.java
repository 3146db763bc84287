package io.querystop.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterUnitTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final ClientRateLimiter limiter = new ClientRateLimiter(nanos::get);

    /** Sends at {@code perSecond} for {@code seconds}, reporting each answer. */
    private void send(int perSecond, double seconds, boolean throttled) {
        long step = 1_000_000_000L / perSecond;
        for (int i = 0; i < perSecond * seconds; i++) {
            nanos.addAndGet(step);
            limiter.update(throttled);
        }
    }

    @Test
    void theLimiterIsOffUntilTheFirstThrottle() {
        send(100, 3, false);
        assertThat(limiter.rateLimit()).isInfinite();
        assertThat(limiter.acquire()).isEqualTo(Duration.ZERO);
    }

    @Test
    void throttlingCutsTheRateAndSuccessGrowsItBack() {
        send(100, 3, false);
        send(100, 0.01, true);
        double afterThrottle = limiter.rateLimit();
        assertThat(afterThrottle).isBetween(50.0, 80.0); // about 0.7 of the measured 100/s

        send(50, 0.5, true);
        assertThat(limiter.rateLimit()).isLessThan(afterThrottle);
        double low = limiter.rateLimit();

        for (int second = 0; second < 20; second++) {
            nanos.addAndGet(1_000_000_000L);
            limiter.update(false);
        }
        assertThat(limiter.rateLimit()).isGreaterThan(low);
    }

    @Test
    void whenTheBucketIsEmptyCallersAreToldHowLongToWait() {
        send(100, 3, false);
        send(100, 1, true);
        Duration total = Duration.ZERO;
        for (int i = 0; i < 200; i++) {
            total = total.plus(limiter.acquire());
        }
        assertThat(total).isGreaterThan(Duration.ofSeconds(1));
    }

    @Test
    void aBurstThrottledInItsFirstHalfSecondKeepsARealisticRate() {
        send(200, 0.1, false); // 20 requests in 100 ms, then throttled
        send(200, 0.005, true);
        assertThat(limiter.rateLimit()).as("not the 0.5/s floor").isGreaterThan(10.0);
    }
}
