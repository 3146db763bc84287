package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.test.util.RaceTestUtils;

/** {@link CallDeadlines#bound}: the call timeout's operator. No assertion on how long anything took. */
class BoundedUnitTests {

    private static final HashedWheelTimer TIMER = new HashedWheelTimer(10, TimeUnit.MILLISECONDS);

    private final CallDeadlines deadlines = new CallDeadlines(TIMER);

    @AfterAll
    static void stopTimer() {
        TIMER.stop();
    }

    @Test
    void aValueBeforeTheDeadlinePassesAndDisarmsIt() {
        StepVerifier.create(deadlines.bound(Mono.just("a"), Duration.ofMinutes(1), () -> new TimeoutException("late")))
            .expectNext("a").verifyComplete();
        StepVerifier.create(deadlines.bound(Mono.empty(), Duration.ofMinutes(1), () -> new TimeoutException("late")))
            .verifyComplete();
    }

    @Test
    void theDeadlineCancelsTheSourceAndFailsWithItsError() {
        TestPublisher<String> source = TestPublisher.create();

        StepVerifier.create(deadlines.bound(source.mono(), Duration.ofMillis(20), () -> new TimeoutException("late")))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TimeoutException.class).hasMessage("late"))
            .verify(Duration.ofSeconds(10));

        source.assertWasCancelled();
    }

    @Test
    void anErrorOfTheSourcePassesUnchanged() {
        StepVerifier.create(deadlines.bound(Mono.error(new IllegalArgumentException("bad")), Duration.ofMinutes(1),
                () -> new TimeoutException("late")))
            .expectErrorMessage("bad").verify(Duration.ofSeconds(5));
    }

    @Test
    void closingFailsWhatIsStillBoundAndWhatIsBoundLater() {
        CallDeadlines closing = new CallDeadlines(TIMER);
        TestPublisher<String> source = TestPublisher.create();

        StepVerifier.create(closing.bound(source.mono(), Duration.ofMinutes(1), () -> new TimeoutException("late")))
            .then(() -> closing.failAll(() -> new IllegalStateException("closed")))
            .expectErrorMessage("closed")
            .verify(Duration.ofSeconds(5));
        source.assertWasCancelled();

        StepVerifier.create(closing.bound(Mono.never(), Duration.ofMinutes(1), () -> new TimeoutException("late")))
            .expectErrorMessage("closed")
            .verify(Duration.ofSeconds(5));
    }

    @Test
    void aStoppedTimerFailsTheCall() {
        HashedWheelTimer stopped = new HashedWheelTimer();
        stopped.start();
        stopped.stop();

        StepVerifier.create(new CallDeadlines(stopped).bound(Mono.never(), Duration.ofMinutes(1),
                () -> new TimeoutException("late")))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ClientResources are closed"))
            .verify(Duration.ofSeconds(5));
    }

    @Test
    void aCancelReachesTheSource() {
        TestPublisher<String> source = TestPublisher.create();

        StepVerifier.create(deadlines.bound(source.mono(), Duration.ofMinutes(1), () -> new TimeoutException("late")))
            .thenCancel()
            .verify(Duration.ofSeconds(5));

        source.assertWasCancelled();
    }

    /** A close racing the value: the subscriber sees exactly one end, never both and never none. */
    @Test
    void aCloseRacingTheValueEndsTheCallExactlyOnce() {
        for (int round = 0; round < 2_000; round++) {
            CallDeadlines closing = new CallDeadlines(TIMER);
            Sinks.One<String> value = Sinks.one();
            AtomicInteger ends = new AtomicInteger();
            closing.bound(value.asMono(), Duration.ofMinutes(1), () -> new TimeoutException("late"))
                .subscribe(next -> { }, error -> ends.incrementAndGet(), ends::incrementAndGet);

            RaceTestUtils.race(() -> value.tryEmitValue("v"),
                () -> closing.failAll(() -> new IllegalStateException("closed")));

            assertThat(ends).as("round %d", round).hasValue(1);
        }
    }
}
