package io.querystop.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.emulator.junit.EmulatorExtension;
import io.querystop.spring.boot.QuerystopAutoConfiguration;
import io.querystop.spring.boot.health.EngineStatusProbe.EngineStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** The {@code neptune} health contributor: one indicator per endpoint, from the engine status probe. */
class QuerystopHealthAutoConfigurationTests {

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.create();

    private static final EngineStatusProbe WRITER = client -> Mono.just(new EngineStatus("healthy", "writer"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(QuerystopAutoConfiguration.class,
            QuerystopHealthAutoConfiguration.class))
        .withPropertyValues("querystop.neptune.endpoint=http://127.0.0.1:9", "querystop.neptune.region=us-east-1");

    @Test
    void oneIndicatorForTheClientAndOnePerClusterInstance() {
        runner.withBean(EngineStatusProbe.class, () -> WRITER)
            .withPropertyValues("querystop.neptune.clusters.orders.endpoints=http://127.0.0.1:7,http://127.0.0.1:8")
            .run(context -> {
                CompositeReactiveHealthContributor neptune = (CompositeReactiveHealthContributor)
                    context.getBean("neptuneHealthContributor", ReactiveHealthContributor.class);
                Health health = health(neptune.getContributor("default"));
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "endpoint", "http://127.0.0.1:9", "status", "healthy", "role", "writer"));
                CompositeReactiveHealthContributor orders =
                    (CompositeReactiveHealthContributor) neptune.getContributor("orders");
                assertThat(orders.getContributor("127.0.0.1:7")).isNotNull();
                assertThat(health(orders.getContributor("127.0.0.1:8")).getDetails())
                    .containsEntry("endpoint", "http://127.0.0.1:8");
            });
    }

    @Test
    void withoutAProbeOfItsOwnTheIndicatorAsksTheEngineStatusThroughTheClient() {
        runner.withBean(AwsCredentialsProvider.class, emulator::credentialsProvider)
            .withPropertyValues("querystop.neptune.endpoint=" + emulator.endpoint(),
                "querystop.neptune.region=" + emulator.region())
            .run(context -> {
                Health health = health(defaultIndicator(context.getBean("neptuneHealthContributor",
                    ReactiveHealthContributor.class)));
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("role", "writer");
            });
    }

    @Test
    void noNeptuneClientNoIndicator() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QuerystopAutoConfiguration.class,
                QuerystopHealthAutoConfiguration.class))
            .withBean(EngineStatusProbe.class, () -> WRITER)
            .run(context -> assertThat(context).doesNotHaveBean("neptuneHealthContributor"));
    }

    @Test
    void turnedOffByTheManagementProperty() {
        runner.withBean(EngineStatusProbe.class, () -> WRITER)
            .withPropertyValues("management.health.neptune.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean("neptuneHealthContributor"));
    }

    @Test
    void anEngineThatIsNotHealthyIsDown() {
        runner.withBean(EngineStatusProbe.class, () -> client -> Mono.just(new EngineStatus("recovery", "reader")))
            .run(context -> {
                Health health = health(defaultIndicator(context.getBean("neptuneHealthContributor",
                    ReactiveHealthContributor.class)));
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("status", "recovery").containsEntry("role", "reader");
            });
    }

    @Test
    void aServiceErrorIsDownWithItsCodeAndRequestId() {
        // Through the real client: the emulator answers an unknown query's status with 400 InvalidParameterException.
        runner.withBean(AwsCredentialsProvider.class, emulator::credentialsProvider)
            .withBean(EngineStatusProbe.class, () -> client -> client.getOpenCypherQueryStatus("unknown-query")
                .map(status -> new EngineStatus("healthy", "writer")))
            .withPropertyValues("querystop.neptune.endpoint=" + emulator.endpoint(),
                "querystop.neptune.region=" + emulator.region())
            .run(context -> {
                Health health = health(defaultIndicator(context.getBean("neptuneHealthContributor",
                    ReactiveHealthContributor.class)));
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat((String) health.getDetails().get("error"))
                    .startsWith("400 InvalidParameterException (request id ")
                    .doesNotContain("null)");
            });
    }

    @Test
    void noAnswerWithinTheTimeoutIsDown() {
        NeptuneHealthIndicator indicator = new NeptuneHealthIndicator("http://127.0.0.1:9", null,
            client -> Mono.never(), Duration.ofSeconds(5));
        StepVerifier.withVirtualTime(indicator::health)
            .thenAwait(Duration.ofSeconds(5))
            .assertNext(health -> {
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat((String) health.getDetails().get("error")).contains("no engine status within PT5S");
            })
            .verifyComplete();
    }

    @Test
    void anEmptyAnswerIsDown() {
        NeptuneHealthIndicator indicator = new NeptuneHealthIndicator("e", null, client -> Mono.empty(),
            Duration.ofSeconds(5));
        StepVerifier.create(indicator.health())
            .assertNext(health -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
            .verifyComplete();
    }

    private static ReactiveHealthContributor defaultIndicator(ReactiveHealthContributor neptune) {
        return ((CompositeReactiveHealthContributor) neptune).getContributor("default");
    }

    private static Health health(ReactiveHealthContributor contributor) {
        return ((ReactiveHealthIndicator) contributor).health().block(Duration.ofSeconds(10));
    }
}
