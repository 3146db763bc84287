package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.AwsServiceException;
import io.querystop.RetryPolicy;
import io.querystop.emulator.Emulator;
import io.querystop.neptunedata.errors.BadRequestException;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.FaultScript;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 20,000 calls with about 10% scripted faults: exactly one terminal signal per call, successes and failures exactly
 * as the script predicts, the emulator sees exactly the predicted attempts, and the pool returns to zero. The retry
 * quota is turned off here so that the prediction is exact; the quota has its own test. The calls are given three
 * minutes (a loaded 2-core machine needs more than the suite's 60 s default), the test a little more.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LoadUnderFaultsIntegrationTests {

    static final int CALLS = 20_000;

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension(builder -> builder.maxRecordedRequests(16)
        .workerThreads(1));

    @Test
    void everyCallGetsExactlyOneTerminalSignalAsTheScriptPredicts() {
        Emulator emulator = env.emulator();
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        for (int i = 0; i < CALLS; i++) {
            emulator.addGremlinQuery("load-" + i);
        }
        emulator.faultPolicy(request -> {
            int index = Integer.parseInt(request.id().substring("load-".length()));
            return FaultScript.faultFor(index, attempts.computeIfAbsent(request.id(), id -> new AtomicInteger()).incrementAndGet());
        });
        RetryPolicy policy = RetryPolicy.standard().toBuilder().retryQuota(0, 0)
            .backoff(Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(20)).build();
        NeptuneDataClient neptune = env.neptune(b -> b.retryPolicy(policy));

        AtomicIntegerArray signals = new AtomicIntegerArray(CALLS);
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger badRequests = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        java.util.Queue<String> unexpected = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Flux.range(0, CALLS)
            .flatMap(i -> neptune.cancelGremlinQuery("load-" + i)
                // Counted before the signal travels on (doFinally would run after it, possibly after blockLast
                // returned); a call that answered and also failed would count twice.
                .doOnSuccess(response -> signals.incrementAndGet(i))
                .doOnError(error -> signals.incrementAndGet(i))
                .doOnNext(response -> successes.incrementAndGet())
                .onErrorResume(error -> {
                    if (error instanceof BadRequestException) {
                        badRequests.incrementAndGet();
                    } else if (error instanceof AwsServiceException service && service.statusCode() == 503
                        && service.attempts() == 3) {
                        unavailable.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                        java.io.StringWriter trace = new java.io.StringWriter();
                        error.printStackTrace(new java.io.PrintWriter(trace));
                        unexpected.add("call " + i + ": " + trace);
                    }
                    return Mono.empty();
                }), 64)
            .blockLast(Duration.ofMinutes(3));

        int fiftieths = CALLS / 50;
        for (int i = 0; i < CALLS; i++) {
            assertThat(signals.get(i)).as("terminal signals of call %d", i).isEqualTo(1);
        }
        assertThat(unexpected).as("unexpected failures").isEmpty();
        assertThat(successes).hasValue(CALLS - 2 * fiftieths);
        assertThat(badRequests).hasValue(fiftieths);
        assertThat(unavailable).hasValue(fiftieths);
        assertThat(other).hasValue(0);
        // 45/50 once, 3/50 twice (one fault then success), 1/50 once (400), 1/50 three times (503 always)
        assertThat(emulator.requestCount()).isEqualTo(FaultScript.expectedRequests(CALLS));
    }
}
