package io.querystop.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryQuotaUnitTests {

    @Test
    void retriesDrainTheQuotaAndSuccessesRefillItUpToCapacity() {
        RetryQuota quota = new RetryQuota(12);
        assertThat(quota.tryAcquire(5)).isTrue();
        assertThat(quota.tryAcquire(5)).isTrue();
        assertThat(quota.tryAcquire(5)).isFalse();
        assertThat(quota.available()).isEqualTo(2);
        quota.release(5);
        assertThat(quota.tryAcquire(5)).isTrue();
        quota.release(100);
        assertThat(quota.available()).isEqualTo(12);
    }

    @Test
    void aQuotaOfZeroNeverRefuses() {
        RetryQuota none = new RetryQuota(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(none.tryAcquire(5)).isTrue();
        }
    }
}
