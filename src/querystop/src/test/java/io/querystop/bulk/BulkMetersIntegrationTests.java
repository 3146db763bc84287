package io.querystop.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.emulator.Emulator;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.Await;
import io.querystop.testing.EmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Bulk runs' meters: outcomes counted by outcome, the in-flight and limit gauges while a run is under way and 0 after,
 * through a client given a meter registry and through {@link BulkMeters} around {@link BulkCancel#run} directly.
 */
class BulkMetersIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension();

    private final Emulator emulator = env.emulator();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private double outcomes(String outcome) {
        return registry.get(BulkMeters.OUTCOMES).tags("service", "neptunedata", "outcome", outcome).counter().count();
    }

    @Test
    void aClientWithAMeterRegistryCountsItsBulkOutcomes() {
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> "q-" + i).toList();
        ids.subList(0, 6).forEach(emulator::addGremlinQuery);
        NeptuneDataClient neptune = env.neptune(b -> b.meterRegistry(registry));
        ProgressTracker progress = new ProgressTracker();

        neptune.cancelGremlinQueries(Flux.fromIterable(ids), BulkOptions.defaults().withProgress(progress))
            .as(StepVerifier::create).expectNextCount(10).verifyComplete();

        assertThat(outcomes("cancelled")).isEqualTo(6);
        assertThat(outcomes("not_running")).isEqualTo(4);
        assertThat(outcomes("failed")).isZero();
        assertThat(outcomes("duplicate")).isZero();
        assertThat(registry.get(BulkMeters.OUTCOMES).tag("server.address", emulator.endpoint().getAuthority())
            .counters()).hasSize(4);
        assertThat(registry.get(BulkMeters.IN_FLIGHT).gauge().value()).isZero();
        assertThat(registry.get(BulkMeters.CONCURRENCY_LIMIT).gauge().value()).isZero();
        assertThat(progress.snapshot().cancelled()).as("the caller's own tracker").isEqualTo(6);
    }

    @Test
    void loaderJobsAndOpenCypherRunsAreMeteredToo() {
        emulator.addLoaderJob("load-1");
        emulator.addOpenCypherQuery("oc-1", "MATCH (n) RETURN n");
        NeptuneDataClient neptune = env.neptune(b -> b.meterRegistry(registry));

        neptune.cancelLoaderJobs(Flux.just("load-1"), BulkOptions.defaults())
            .as(StepVerifier::create).expectNextCount(1).verifyComplete();
        neptune.cancelOpenCypherQueries(Flux.just("oc-1", "oc-2"), null, BulkOptions.defaults())
            .as(StepVerifier::create).expectNextCount(2).verifyComplete();

        assertThat(outcomes("cancelled")).isEqualTo(2);
        assertThat(outcomes("not_running")).isEqualTo(1);
    }

    /**
     * The service clients' bulk methods are the interfaces' default methods, metered by an override in the client: a
     * bulk method added to an interface without its override would run unmetered.
     */
    @Test
    void everyBulkMethodOfTheClientsIsMetered() throws ClassNotFoundException {
        JavaClasses library = new ClassFileImporter().importClasses(NeptuneDataClient.class, CloudTrailClient.class,
            Class.forName("io.querystop.neptunedata.DefaultNeptuneDataClient"),
            Class.forName("io.querystop.cloudtrail.DefaultCloudTrailClient"));
        Map<String, String> clients = Map.of("io.querystop.neptunedata.NeptuneDataClient",
            "io.querystop.neptunedata.DefaultNeptuneDataClient", "io.querystop.cloudtrail.CloudTrailClient",
            "io.querystop.cloudtrail.DefaultCloudTrailClient");
        int checked = 0;
        for (Map.Entry<String, String> client : clients.entrySet()) {
            JavaClass api = library.get(client.getKey());
            JavaClass implementation = library.get(client.getValue());
            for (JavaMethod method : api.getMethods()) {
                boolean startsARun = method.getMethodCallsFromSelf().stream()
                    .anyMatch(call -> call.getTargetOwner().isEquivalentTo(BulkCancel.class));
                if (startsARun) {
                    checked++;
                    assertThat(implementation.getMethods()) // declared in the class itself, not inherited
                        .as(client.getValue() + " overrides " + method.getFullName())
                        .anyMatch(own -> own.getName().equals(method.getName())
                            && own.getRawParameterTypes().equals(method.getRawParameterTypes()));
                }
            }
        }
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void theGaugesShowTheRunsUnderWay() {
        BulkMeters meters = BulkMeters.create(registry, Tags.of("service", "test"));
        Map<String, Sinks.One<String>> answers = new ConcurrentHashMap<>();
        BulkOptions options = BulkOptions.defaults().withAdaptiveConcurrency(false).withMaxConcurrency(3);

        Flux<CancelOutcome<String>> run = meters.record(options, metered -> BulkCancel.ids(
            Flux.just("a", "b", "c", "d"), (id, call) -> {
                Sinks.One<String> answer = Sinks.one();
                answers.put(id, answer);
                return answer.asMono();
            }, error -> false, metered));
        List<CancelOutcome<String>> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        Disposable subscription = run.subscribe(received::add);
        try {
            assertThat(Await.until(() -> answers.size() == 3)).isTrue();
            assertThat(registry.get(BulkMeters.IN_FLIGHT).gauge().value()).isEqualTo(3);
            assertThat(registry.get(BulkMeters.CONCURRENCY_LIMIT).gauge().value()).isEqualTo(3);

            answers.values().forEach(answer -> answer.tryEmitValue("done"));
            assertThat(Await.until(() -> answers.size() == 4)).isTrue();
            answers.get("d").tryEmitValue("done");
            assertThat(Await.until(() -> received.size() == 4)).isTrue();
        } finally {
            subscription.dispose();
        }

        assertThat(registry.get(BulkMeters.OUTCOMES).tags("service", "test", "outcome", "cancelled").counter().count())
            .isEqualTo(4);
        assertThat(Await.until(() -> registry.get(BulkMeters.IN_FLIGHT).gauge().value() == 0)).isTrue();
        assertThat(registry.get(BulkMeters.CONCURRENCY_LIMIT).gauge().value()).isZero();
    }

    @Test
    void aCancelledRunLeavesTheGauges() {
        BulkMeters meters = BulkMeters.create(registry, Tags.of("service", "test"));
        Flux<CancelOutcome<String>> run = meters.record(BulkOptions.defaults().withAdaptiveConcurrency(false)
                .withMaxConcurrency(2),
            metered -> BulkCancel.ids(Flux.just("a", "b"), (id, call) -> Mono.<String>never(), error -> false,
                metered));

        Disposable subscription = run.subscribe();
        assertThat(Await.until(() -> registry.get(BulkMeters.IN_FLIGHT).gauge().value() == 2)).isTrue();
        subscription.dispose();

        assertThat(registry.get(BulkMeters.IN_FLIGHT).gauge().value()).isZero();
        assertThat(registry.get(BulkMeters.CONCURRENCY_LIMIT).gauge().value()).isZero();
    }
}
