package io.querystop;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.emulator.Emulator;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;

/**
 * Who owns the timer and the event loops: shared resources outlive the clients that use them, a client's own
 * resources end with it, and no thread they started is left running after close.
 */
class ClientResourcesIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();

    @Test
    void sharedResourcesSurviveOneClientsCloseAndStopWhenClosed() throws InterruptedException {
        ClientResources resources = ClientResources.create();
        NeptuneDataClient first = env.neptune(b -> b.resources(resources));
        NeptuneDataClient second = env.neptune(b -> b.resources(resources));
        emulator.addGremlinQuery("a").addGremlinQuery("b").addGremlinQuery("c");
        succeeds(first.cancelGremlinQuery("a"));
        succeeds(second.cancelGremlinQuery("b"));
        Thread timer = thread(resources.name() + "-deadlines");
        assertThat(timer).as("the shared timer's thread").isNotNull();

        assertThat(first.close(Duration.ofSeconds(10))).isTrue();

        assertThat(timer.isAlive()).isTrue();
        succeeds(second.cancelGremlinQuery("c"));

        assertThat(resources.close(Duration.ofSeconds(10))).isTrue();
        timer.join(5_000);
        assertThat(timer.isAlive()).as("the timer's thread after close").isFalse();
        StepVerifier.create(second.cancelGremlinQuery("d"))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessage("the client's ClientResources are closed"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aClientsOwnResourcesEndWithIt() throws InterruptedException {
        Set<Thread> before = deadlineThreads();
        NeptuneDataClient neptune = env.neptune();
        emulator.addGremlinQuery("q");
        succeeds(neptune.cancelGremlinQuery("q"));
        Set<Thread> started = deadlineThreads();
        started.removeAll(before);
        assertThat(started).as("the timer thread the client started").hasSize(1);

        assertThat(neptune.close(Duration.ofSeconds(10))).isTrue();

        Thread timer = started.iterator().next();
        timer.join(5_000);
        assertThat(timer.isAlive()).as("the client's timer thread after close").isFalse();
        StepVerifier.create(neptune.cancelGremlinQuery("again"))
            .expectErrorMessage("the client is closed")
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void ownEventLoopsRunTheCallsAndStopWhenTheResourcesClose() throws InterruptedException {
        ClientResources resources = ClientResources.builder().eventLoopThreads(1).build();
        NeptuneDataClient neptune = env.neptune(b -> b.resources(resources));

        assertThat(signalThread(neptune)).startsWith(resources.name() + "-");

        assertThat(neptune.close(Duration.ofSeconds(10))).isTrue();
        List<Thread> loops = threadsStartingWith(resources.name() + "-");
        assertThat(loops).as("a client never closes resources it was given").isNotEmpty();
        assertThat(resources.close(Duration.ofSeconds(10))).isTrue();
        for (Thread loop : loops) {
            loop.join(5_000);
            assertThat(loop.isAlive()).as("%s after close", loop.getName()).isFalse();
        }
    }

    @Test
    void givenEventLoopsRunTheCallsAndAreNeverDisposed() {
        LoopResources loops = LoopResources.create("caller-loops", 1, true);
        try {
            ClientResources resources = ClientResources.builder().loopResources(loops).build();
            NeptuneDataClient viaResources = env.neptune(b -> b.resources(resources));
            NeptuneDataClient viaBuilder = env.neptune(b -> b.loopResources(loops));

            assertThat(signalThread(viaResources)).startsWith("caller-loops");
            assertThat(viaResources.close(Duration.ofSeconds(10))).isTrue();
            assertThat(resources.close(Duration.ofSeconds(10))).isTrue();

            assertThat(loops.isDisposed()).isFalse();
            assertThat(signalThread(viaBuilder)).startsWith("caller-loops");
            assertThat(viaBuilder.close(Duration.ofSeconds(10))).isTrue();
            assertThat(loops.isDisposed()).as("a client never disposes loops it was given").isFalse();
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
        }
    }

    /** The thread the call's answer is signalled on. */
    private String signalThread(NeptuneDataClient neptune) {
        emulator.addGremlinQuery("q");
        AtomicReference<String> thread = new AtomicReference<>();
        StepVerifier.create(neptune.cancelGremlinQuery("q"))
            .assertNext(response -> thread.set(Thread.currentThread().getName()))
            .verifyComplete();
        return thread.get();
    }

    private static void succeeds(reactor.core.publisher.Mono<CancelGremlinQueryResponse> call) {
        StepVerifier.create(call)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .verifyComplete();
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
            .orElse(null);
    }

    private static Set<Thread> deadlineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("querystop-") && t.getName().endsWith("-deadlines") && t.isAlive())
            .collect(Collectors.toSet());
    }

    private static List<Thread> threadsStartingWith(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).toList();
    }
}
