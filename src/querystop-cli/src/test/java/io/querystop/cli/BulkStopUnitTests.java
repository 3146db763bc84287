package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class BulkStopUnitTests {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final BulkStop stop = new BulkStop(Duration.ofSeconds(30), clock::get);

    @Test
    void theFirstSignalStopsTheInputAndStartsTheGracePeriod() throws InterruptedException {
        assertThat(stop.signal()).isNull();
        assertThat(stop.mustStopNow()).isFalse();

        stop.signal("TERM");

        StepVerifier.create(stop.inputStopped()).expectNext(true).verifyComplete();
        assertThat(stop.signal()).isEqualTo("TERM");
        clock.addAndGet(Duration.ofSeconds(30).toNanos() - 1);
        assertThat(stop.mustStopNow()).isFalse();
        clock.incrementAndGet();
        assertThat(stop.mustStopNow()).isTrue();
        assertThat(stop.await()).as("no waiting once the grace period is over").isTrue();
    }

    @Test
    void aSecondSignalMeansNowAndTheFirstOneNamesTheExit() throws InterruptedException {
        stop.signal("INT");
        stop.signal("TERM");

        assertThat(stop.mustStopNow()).isTrue();
        assertThat(stop.await()).isTrue();
        assertThat(StopSignals.exitCode(stop.signal())).isEqualTo(130);
        assertThat(StopSignals.exitCode("TERM")).isEqualTo(143);
    }

    @Test
    void aWakeUpEndsTheWaitWithoutASignal() throws InterruptedException {
        stop.wake();

        assertThat(stop.await()).isFalse();
        StepVerifier.create(stop.inputStopped()).expectSubscription().expectNoEvent(Duration.ofMillis(10))
            .thenCancel().verify();
    }
}
