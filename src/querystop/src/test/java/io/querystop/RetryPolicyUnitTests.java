package io.querystop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querystop.cloudtrail.errors.CloudTrailException;
import io.querystop.neptunedata.errors.NeptuneDataException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyUnitTests {

    private static AwsErrorDetails details(int status, String code, boolean throttling, boolean retryable) {
        return new AwsErrorDetails("NeptuneData", "CancelGremlinQuery", status, code, "m", "r", throttling, retryable);
    }

    @Test
    void standardModeIsTheAwsSdksStandardMode() {
        RetryPolicy standard = RetryPolicy.standard();
        assertThat(standard.maxAttempts()).isEqualTo(3);
        assertThat(standard.baseDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(standard.throttlingBaseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(standard.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(standard.retryQuota()).isEqualTo(500);
        assertThat(standard.retryCost()).isEqualTo(5);
        assertThat(standard.isAdaptive()).isFalse();
        assertThat(RetryPolicy.adaptive().isAdaptive()).isTrue();
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "attempt {0}, throttling {1}: {2} ms")
    @CsvSource({"1,false,100", "2,false,200", "3,false,400", "8,false,12800", "9,false,20000", "40,false,20000",
        "1,true,1000", "2,true,2000", "5,true,16000", "6,true,20000", "64,true,20000"})
    void backoffCeilingsDoubleUpToTheCap(int attempt, boolean throttling, long millis) {
        assertThat(RetryPolicy.standard().backoffCeiling(attempt, throttling)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void theDefaultClassificationRetriesWhatTheProtocolSays() {
        RetryPolicy policy = RetryPolicy.standard();
        assertThat(policy.isRetryable(new NeptuneDataException(details(503, null, false, true)))).isTrue();
        assertThat(policy.isRetryable(new NeptuneDataException(details(400, "BadRequestException", false, false))))
            .isFalse();
        assertThat(policy.isRetryable(new TransportException("Op", "h", "reset", new IOException()))).isTrue();
        assertThat(policy.isRetryable(new PoolAcquireTimeoutException("Op", "h", "full", null))).isFalse();
        assertThat(policy.isRetryable(new InvalidResponseException("Op", 200, "bad", null))).isFalse();
        assertThat(policy.isRetryable(new java.lang.IllegalArgumentException("queryId must not be null"))).isFalse();
        assertThat(RetryPolicy.isThrottling(new CloudTrailException(details(400, "ThrottlingException", true, true))))
            .isTrue();
    }

    @Test
    void aCustomPolicyDecidesWhichErrorsToRetry() {
        RetryPolicy onlyResets = RetryPolicy.standard().toBuilder().maxAttempts(5)
            .retryOn(error -> error instanceof TransportException).build();
        assertThat(onlyResets.maxAttempts()).isEqualTo(5);
        assertThat(onlyResets.isRetryable(new NeptuneDataException(details(503, null, false, true)))).isFalse();
        assertThat(onlyResets.isRetryable(new TransportException("Op", "h", "reset", null))).isTrue();
        assertThat(onlyResets.toBuilder().retryOn(null).build()
            .isRetryable(new NeptuneDataException(details(503, null, false, true)))).isTrue();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageStartingWith("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofSeconds(1))).hasMessageStartingWith("base");
        assertThatThrownBy(() -> RetryPolicy.builder().retryQuota(-1, 5)).hasMessageStartingWith("retryQuota");
    }
}
