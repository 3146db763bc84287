package io.querystop.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.ClientResources;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.emulator.junit.EmulatorExtension;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The clients run on the event loops of Boot's {@code ReactorResourceFactory}, and at shutdown they close before those
 * loops are disposed, so that a call in flight finishes.
 */
class BootEventLoopsTests {

    private static final String QUERY = "f43ce17b-db01-4d37-a074-c7d5e11a8e1c";

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.create();

    /** A factory with loops of its own (not Reactor Netty's global ones), so that its threads can be told apart. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(QuerystopAutoConfiguration.class))
        .withBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            // Loops from a supplier are the factory's own: it disposes them when it stops (phase 0).
            factory.setLoopResourcesSupplier(() -> LoopResources.create("boot-loops", 1, true));
            factory.setShutdownQuietPeriod(Duration.ZERO);
            return factory;
        })
        .withBean(AwsCredentialsProvider.class, emulator::credentialsProvider)
        .withPropertyValues("querystop.neptune.endpoint=" + emulator.endpoint(),
            "querystop.neptune.region=" + emulator.region());

    @Test
    void callsRunOnTheFactorysEventLoops() {
        emulator.emulator().addGremlinQuery(QUERY);
        runner.run(context -> {
            LoopResources loops = context.getBean(ReactorResourceFactory.class).getLoopResources();
            assertThat(context.getBean(ClientResources.class).loopResources()).containsSame(loops);
            AtomicReference<String> thread = new AtomicReference<>();
            StepVerifier.create(context.getBean(NeptuneDataClient.class).cancelGremlinQuery(QUERY)
                    .doOnNext(response -> thread.set(Thread.currentThread().getName())))
                .expectNextCount(1)
                .verifyComplete();
            assertThat(thread.get()).startsWith("boot-loops");
        });
    }

    @Test
    void aCallInFlightAtShutdownFinishesBeforeTheLoopsStop() throws Exception {
        emulator.emulator().addGremlinQuery(QUERY);
        emulator.emulator().enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.normal().withHeaderDelay(Duration.ofMillis(500)));
        CompletableFuture<CancelGremlinQueryResponse> call = new CompletableFuture<>();
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
        runner.run(context -> {
            started.set(context);
            context.getBean(NeptuneDataClient.class).cancelGremlinQuery(QUERY).toFuture()
                .whenComplete((response, error) -> {
                    if (error != null) {
                        call.completeExceptionally(error);
                    } else {
                        call.complete(response);
                    }
                });
            emulator.emulator().takeRequest(Duration.ofSeconds(10)); // the call has reached the server
        }); // closes the context while the answer is still 500 ms away
        assertThat(started.get().isActive()).isFalse();
        assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo("200 OK");
    }
}
