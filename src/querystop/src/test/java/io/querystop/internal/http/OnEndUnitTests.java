package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.test.util.RaceTestUtils;

class OnEndUnitTests {

    /** Records what it is told, and what the subscriber had seen by then. */
    private static final class Recorder implements OnEnd.Listener<Object> {
        final List<String> told = new CopyOnWriteArrayList<>();
        final List<String> seen;
        Throwable refuse;

        Recorder(List<String> seen) {
            this.seen = seen;
        }

        @Override
        public Throwable onStart() {
            told.add("start");
            return refuse;
        }

        @Override
        public void onValue(Object value) {
            told.add("value " + value + " after " + seen);
        }

        @Override
        public void onError(Throwable error) {
            told.add("error " + error.getMessage() + " after " + seen);
        }

        @Override
        public void onCancel() {
            told.add("cancel");
        }
    }

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Recorder recorder = new Recorder(seen);

    @Test
    void theListenerIsToldOfTheValueBeforeTheSubscriberByDefaultAndAfterItInAfterMode() {
        StepVerifier.create(new OnEnd<>(Mono.just("a"), recorder).doOnNext(v -> seen.add(v)))
            .expectNext("a").verifyComplete();
        StepVerifier.create(new OnEnd<>(Mono.just("b"), recorder, true).doOnNext(v -> seen.add(v)))
            .expectNext("b").verifyComplete();

        assertThat(recorder.told).containsExactly("start", "value a after []", "start", "value b after [a, b]");
    }

    @Test
    void anEmptySourceIsAValueOfNullAndAnErrorIsToldOnce() {
        StepVerifier.create(new OnEnd<>(Mono.empty(), recorder)).verifyComplete();
        StepVerifier.create(new OnEnd<>(Mono.error(new IllegalStateException("boom")), recorder, true))
            .expectErrorMessage("boom").verify(Duration.ofSeconds(5));

        assertThat(recorder.told).containsExactly("start", "value null after []", "start", "error boom after []");
    }

    @Test
    void aCancelIsToldOnceAndReachesTheSource() {
        TestPublisher<String> source = TestPublisher.create();
        StepVerifier.create(new OnEnd<>(source.mono(), recorder))
            .thenCancel()
            .verify(Duration.ofSeconds(5));

        source.assertWasCancelled();
        assertThat(recorder.told).containsExactly("start", "cancel");
    }

    @Test
    void aRefusalAtTheStartFailsWithoutSubscribingTheSource() {
        TestPublisher<String> source = TestPublisher.create();
        recorder.refuse = new IllegalStateException("closed");

        StepVerifier.create(new OnEnd<>(source.mono(), recorder, true))
            .expectErrorMessage("closed").verify(Duration.ofSeconds(5));

        source.assertWasNotSubscribed();
        assertThat(recorder.told).containsExactly("start");
    }

    @Test
    void aThrowingListenerFailsTheMonoInsteadOfDeliveringTheValue() {
        OnEnd.Listener<Object> throwing = new OnEnd.Listener<>() {
            @Override
            public void onValue(Object value) {
                throw new IllegalArgumentException("observer failed");
            }

            @Override
            public void onError(Throwable error) {
            }

            @Override
            public void onCancel() {
            }
        };

        StepVerifier.create(new OnEnd<>(Mono.just("a"), throwing))
            .expectErrorMessage("observer failed").verify(Duration.ofSeconds(5));
    }

    /** A cancel racing the value: the listener hears exactly one of them, in both modes. */
    @Test
    void aCancelRacingTheValueIsToldExactlyOneEnd() {
        for (int round = 0; round < 2_000; round++) {
            Recorder racing = new Recorder(seen);
            Sinks.One<String> value = Sinks.one();
            var subscription = new OnEnd<>(value.asMono(), racing, round % 2 == 0).subscribe();

            RaceTestUtils.race(() -> value.tryEmitValue("v"), subscription::dispose);

            assertThat(racing.told).as("round %d", round).hasSize(2).first().isEqualTo("start");
        }
    }
}
