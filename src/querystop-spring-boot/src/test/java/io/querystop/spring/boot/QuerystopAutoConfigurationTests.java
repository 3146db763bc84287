package io.querystop.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.ClientResources;
import io.querystop.ConnectionPoolSettings;
import io.querystop.CredentialsUnavailableException;
import io.querystop.InvalidInputException;
import io.querystop.QuerystopException;
import io.querystop.ResponseTimeoutException;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.emulator.Fault;
import io.querystop.emulator.Route;
import io.querystop.emulator.junit.EmulatorExtension;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** The client beans: when they exist, what they are built from, whose beans win. */
class QuerystopAutoConfigurationTests {

    private static final String QUERY = "f43ce17b-db01-4d37-a074-c7d5e11a8e1c";
    private static final String CLOUDTRAIL_QUERY = "0b7d2ba5-9e21-4c2f-8a4b-d3b6f0c1e2a7";

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.create();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(QuerystopAutoConfiguration.class));

    /** The emulator's credentials as the application's own bean, and its endpoint and region as properties. */
    private ApplicationContextRunner onEmulator() {
        return runner.withBean(AwsCredentialsProvider.class, emulator::credentialsProvider)
            .withPropertyValues("querystop.neptune.endpoint=" + emulator.endpoint(),
                "querystop.neptune.region=" + emulator.region());
    }

    @Test
    void withoutPropertiesThereAreOnlyTheSharedResources() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ClientResources.class);
            assertThat(context).doesNotHaveBean(NeptuneDataClient.class);
            assertThat(context).doesNotHaveBean(CloudTrailClient.class);
            assertThat(context).doesNotHaveBean(NeptuneClusters.class);
        });
    }

    @Test
    void theNeptuneClientSignsWithTheApplicationsCredentialsProvider() {
        emulator.emulator().addGremlinQuery(QUERY);
        onEmulator().run(context -> {
            NeptuneDataClient neptune = context.getBean(NeptuneDataClient.class);
            assertThat(neptune.region()).isEqualTo(emulator.region());
            StepVerifier.create(neptune.cancelGremlinQuery(QUERY))
                .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
                .verifyComplete();
            assertThat(emulator.emulator().takeRequest().signatureValid()).isTrue();
        });
    }

    @Test
    void withoutACredentialsBeanTheDefaultChainIsUsed() {
        // The test JVM has no AWS credentials anywhere (instance metadata is off): the default chain finds none.
        runner.withPropertyValues("querystop.neptune.endpoint=" + emulator.endpoint(),
                "querystop.neptune.region=" + emulator.region())
            .run(context -> StepVerifier.create(context.getBean(NeptuneDataClient.class).cancelGremlinQuery(QUERY))
                .expectError(CredentialsUnavailableException.class)
                .verify(Duration.ofSeconds(30)));
    }

    @Test
    void theRegionComesFromANeptuneHostNameWhenNotSet() {
        runner.withPropertyValues(
                "querystop.neptune.endpoint=https://db.cluster-abc.eu-west-2.neptune.amazonaws.com:8182")
            .run(context -> assertThat(context.getBean(NeptuneDataClient.class).region()).isEqualTo("eu-west-2"));
    }

    @Test
    void aBadEndpointFailsStartUpNamingIt() {
        runner.withPropertyValues("querystop.neptune.endpoint=ftp://nowhere", "querystop.neptune.region=us-east-1")
            .run(context -> assertThat(context).getFailure()
                .rootCause().isInstanceOf(InvalidInputException.class).hasMessageContaining("endpoint"));
    }

    @Test
    void theApplicationsOwnClientWins() {
        onEmulator().withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(NeptuneDataClient.class);
            assertThat(context.getBean(NeptuneDataClient.class).region()).isEqualTo("ap-south-1");
        });
    }

    @Test
    void timeoutsAndRetryModeAreApplied() {
        emulator.emulator().addGremlinQuery(QUERY);
        emulator.emulator().enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.normal().withHeaderDelay(Duration.ofSeconds(2)));
        onEmulator().withPropertyValues("querystop.neptune.timeouts.response=200ms", "querystop.neptune.retry.mode=none")
            .run(context -> StepVerifier.create(context.getBean(NeptuneDataClient.class).cancelGremlinQuery(QUERY))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ResponseTimeoutException.class)
                    .extracting(e -> ((QuerystopException) e).attempts()).isEqualTo(1))
                .verify(Duration.ofSeconds(10)));
    }

    @Test
    void maxAttemptsOverridesTheModes() {
        emulator.emulator().addGremlinQuery(QUERY);
        for (int i = 0; i < 5; i++) {
            emulator.emulator().enqueue(Route.CANCEL_GREMLIN_QUERY, Fault.error(503, "ServiceUnavailable", "busy"));
        }
        onEmulator().withPropertyValues("querystop.neptune.retry.max-attempts=2",
                "querystop.neptune.retry.mode=standard")
            .run(context -> StepVerifier.create(context.getBean(NeptuneDataClient.class).cancelGremlinQuery(QUERY))
                .expectErrorSatisfies(error -> assertThat(((QuerystopException) error).attempts()).isEqualTo(2))
                .verify(Duration.ofSeconds(10)));
    }

    @Test
    void theDefaultsAreTheLibrarys() {
        runner.run(context -> {
            QuerystopProperties properties = context.getBean(QuerystopProperties.class);
            for (var pool : List.of(properties.neptune().pool(), properties.cloudTrail().pool())) {
                assertThat(pool.toSettings()).isEqualTo(ConnectionPoolSettings.defaults());
            }
            for (var timeouts : List.of(properties.neptune().timeouts(), properties.cloudTrail().timeouts())) {
                assertThat(timeouts.toTimeouts()).isEqualTo(Timeouts.defaults());
            }
            for (var retry : List.of(properties.neptune().retry(), properties.cloudTrail().retry())) {
                assertThat(retry.toPolicy()).isSameAs(RetryPolicy.standard());
            }
            assertThat(properties.web().errorMapping()).isTrue();
        });
    }

    @Test
    void poolSettingsAreBound() {
        runner.withPropertyValues("querystop.neptune.pool.max-connections=7",
                "querystop.neptune.pool.pending-acquire-timeout=250ms", "querystop.neptune.retry.mode=adaptive")
            .run(context -> {
                QuerystopProperties.Neptune neptune = context.getBean(QuerystopProperties.class).neptune();
                assertThat(neptune.pool().toSettings()).isEqualTo(ConnectionPoolSettings.defaults()
                    .withMaxConnections(7).withPendingAcquireTimeout(Duration.ofMillis(250)));
                assertThat(neptune.retry().toPolicy().isAdaptive()).isTrue();
            });
    }

    @Test
    void theCloudTrailClientExistsWhenARegionOrEndpointIsSet() {
        runner.withPropertyValues("querystop.cloudtrail.region=eu-west-1").run(context -> {
            assertThat(context).hasSingleBean(CloudTrailClient.class);
            assertThat(context.getBean(CloudTrailClient.class).region()).isEqualTo("eu-west-1");
        });
        emulator.emulator().addCloudTrailQuery(CLOUDTRAIL_QUERY, "RUNNING");
        runner.withBean(AwsCredentialsProvider.class, emulator::credentialsProvider)
            .withPropertyValues("querystop.cloudtrail.endpoint=" + emulator.endpoint(),
                "querystop.cloudtrail.region=" + emulator.region())
            .run(context -> StepVerifier.create(context.getBean(CloudTrailClient.class).cancelQuery(CLOUDTRAIL_QUERY))
                .assertNext(response -> assertThat(response.queryId()).isEqualTo(CLOUDTRAIL_QUERY))
                .verifyComplete());
    }

    @Test
    void namedClustersGetAClientPerInstanceInTheConfiguredOrder() {
        emulator.emulator().addGremlinQuery(QUERY);
        String live = emulator.endpoint().toString();
        runner.withBean(AwsCredentialsProvider.class, emulator::credentialsProvider)
            .withPropertyValues("querystop.neptune.region=" + emulator.region(),
                "querystop.neptune.clusters.orders.endpoints[0]=http://127.0.0.1:9",
                "querystop.neptune.clusters.orders.endpoints[1]=" + live,
                "querystop.neptune.clusters.audit.endpoints=http://127.0.0.1:7",
                "querystop.neptune.clusters.audit.region=eu-central-1")
            .run(context -> {
                assertThat(context).doesNotHaveBean(NeptuneDataClient.class);
                NeptuneClusters clusters = context.getBean(NeptuneClusters.class);
                assertThat(clusters.names()).containsExactly("orders", "audit");
                assertThat(clusters.instances("orders")).containsOnlyKeys("http://127.0.0.1:9", live);
                assertThat(clusters.instances("orders").keySet()).containsExactly("http://127.0.0.1:9", live);
                assertThat(clusters.instance("audit", "http://127.0.0.1:7").region()).isEqualTo("eu-central-1");
                assertThat(clusters.instance("orders", live).region()).isEqualTo(emulator.region());
                StepVerifier.create(clusters.instance("orders", live).cancelGremlinQuery(QUERY))
                    .expectNextCount(1).verifyComplete();
                org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> clusters.instances("billing")).withMessageContaining("orders");
            });
    }

    @Test
    void clientsAreClosedWithTheContext() {
        NeptuneDataClient[] neptune = new NeptuneDataClient[1];
        NeptuneClusters[] clusters = new NeptuneClusters[1];
        onEmulator().withPropertyValues("querystop.neptune.clusters.orders.endpoints=" + emulator.endpoint())
            .run(context -> {
                neptune[0] = context.getBean(NeptuneDataClient.class);
                clusters[0] = context.getBean(NeptuneClusters.class);
            });
        StepVerifier.create(neptune[0].cancelGremlinQuery(QUERY)).expectError(IllegalStateException.class).verify();
        StepVerifier.create(clusters[0].instance("orders", emulator.endpoint().toString()).cancelGremlinQuery(QUERY))
            .expectError(IllegalStateException.class).verify();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {

        @Bean
        NeptuneDataClient ownNeptune() {
            return NeptuneDataClient.builder().endpoint("http://127.0.0.1:9").region("ap-south-1").build();
        }
    }
}
