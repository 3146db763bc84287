package io.querystop.spring.boot;

import io.querystop.ClientBuilder;
import io.querystop.ClientResources;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.spring.boot.QuerystopProperties.Cluster;
import io.querystop.spring.boot.QuerystopProperties.Neptune;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * querystop's clients as beans, from the {@code querystop.*} properties ({@link QuerystopProperties}):
 * <ul>
 *   <li>{@link NeptuneDataClient} when {@code querystop.neptune.endpoint} is set;</li>
 *   <li>{@link NeptuneClusters}, a client per instance of each {@code querystop.neptune.clusters.<name>}, when a
 *       cluster is named;</li>
 *   <li>{@link CloudTrailClient} when {@code querystop.cloudtrail.region} or {@code .endpoint} is set;</li>
 *   <li>{@link ClientResources} (the deadline timer, and the event loops of Boot's {@code ReactorResourceFactory}
 *       when the application has one, i.e. the WebFlux server's), shared by all of them.</li>
 * </ul>
 * Each bean steps aside for one of the application's own. The clients sign with the application's
 * {@link AwsCredentialsProvider} bean when it has exactly one, else with the AWS default chain; they are closed at
 * shutdown after the web server stops and before the event loops do.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration"})
@ConditionalOnClass(NeptuneDataClient.class)
@EnableConfigurationProperties(QuerystopProperties.class)
public class QuerystopAutoConfiguration {

    @Bean
    ClientShutdown querystopClientShutdown(QuerystopProperties properties) {
        return new ClientShutdown(properties.shutdownTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "querystop.neptune", name = "endpoint")
    NeptuneDataClient neptuneDataClient(QuerystopProperties properties, ClientResources resources,
                                        ObjectProvider<AwsCredentialsProvider> credentials,
                                        ObjectProvider<QuerystopClientCustomizer> customizers, ClientShutdown shutdown) {
        Neptune neptune = properties.neptune();
        NeptuneDataClient client = neptuneBuilder(neptune, neptune.region(), resources, credentials, customizers)
            .endpoint(neptune.endpoint()).build();
        shutdown.add(client::close);
        return client;
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(NeptuneClustersConfigured.class)
    NeptuneClusters neptuneClusters(QuerystopProperties properties, ClientResources resources,
                                    ObjectProvider<AwsCredentialsProvider> credentials,
                                        ObjectProvider<QuerystopClientCustomizer> customizers, ClientShutdown shutdown) {
        Neptune neptune = properties.neptune();
        Map<String, Map<String, NeptuneDataClient>> clusters = new LinkedHashMap<>();
        try {
            neptune.clusters().forEach((name, cluster) -> clusters.put(name, instances(neptune, cluster, resources,
                credentials, customizers)));
        } catch (RuntimeException e) {
            new NeptuneClusters(clusters).close(properties.shutdownTimeout());
            throw e;
        }
        NeptuneClusters built = new NeptuneClusters(clusters);
        shutdown.add(built::close);
        return built;
    }

    private static Map<String, NeptuneDataClient> instances(Neptune neptune, Cluster cluster, ClientResources resources,
                                                            ObjectProvider<AwsCredentialsProvider> credentials,
                                                            ObjectProvider<QuerystopClientCustomizer> customizers) {
        String region = cluster.region() != null ? cluster.region() : neptune.region();
        Map<String, NeptuneDataClient> instances = new LinkedHashMap<>();
        for (String endpoint : cluster.endpoints()) {
            instances.put(endpoint, neptuneBuilder(neptune, region, resources, credentials, customizers).endpoint(endpoint)
                .build());
        }
        return instances;
    }

    private static NeptuneDataClient.Builder neptuneBuilder(Neptune neptune, String region, ClientResources resources,
                                                            ObjectProvider<AwsCredentialsProvider> credentials,
                                                            ObjectProvider<QuerystopClientCustomizer> customizers) {
        return common(NeptuneDataClient.builder(), region, resources, credentials, customizers, neptune.pool(),
            neptune.timeouts(), neptune.retry());
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(CloudTrailConfigured.class)
    CloudTrailClient cloudTrailClient(QuerystopProperties properties, ClientResources resources,
                                      ObjectProvider<AwsCredentialsProvider> credentials,
                                        ObjectProvider<QuerystopClientCustomizer> customizers, ClientShutdown shutdown) {
        QuerystopProperties.CloudTrail cloudTrail = properties.cloudTrail();
        CloudTrailClient client = common(CloudTrailClient.builder(), cloudTrail.region(), resources, credentials,
            customizers, cloudTrail.pool(), cloudTrail.timeouts(), cloudTrail.retry())
            .endpointOverride(cloudTrail.endpoint())
            .fips(cloudTrail.fips())
            .dualStack(cloudTrail.dualStack())
            .build();
        shutdown.add(client::close);
        return client;
    }

    /** What every client's builder gets: region, resources, credentials, pool, timeouts, retry, customizers. */
    private static <B extends ClientBuilder<B, ?>> B common(B builder, String region, ClientResources resources,
                                                            ObjectProvider<AwsCredentialsProvider> credentials,
                                                            ObjectProvider<QuerystopClientCustomizer> customizers,
                                                            QuerystopProperties.Pool pool,
                                                            QuerystopProperties.TimeoutSettings timeouts,
                                                            QuerystopProperties.Retry retry) {
        builder.region(region)
            .resources(resources)
            .connectionPool(pool.toSettings())
            .timeouts(timeouts.toTimeouts())
            .retryPolicy(retry.toPolicy());
        AwsCredentialsProvider provider = credentials.getIfUnique();
        if (provider != null) {
            builder.credentialsProvider(provider); // the application's: the client never closes it
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /** Shared resources on Boot's event loops: those of its {@code ReactorResourceFactory}, the WebFlux server's. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactorResourceFactory.class)
    static class OnReactorResourceFactory {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ClientResources querystopClientResources(ObjectProvider<ReactorResourceFactory> factory) {
            ClientResources.Builder builder = ClientResources.builder();
            factory.ifUnique(f -> builder.loopResources(f.getLoopResources()));
            return builder.build();
        }
    }

    /** Each call observed in the application's {@code ObservationRegistry} (Boot's, with the actuator). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    static class Observations {

        @Bean
        @ConditionalOnBean(ObservationRegistry.class)
        QuerystopClientCustomizer querystopObservationCustomizer(ObjectProvider<ObservationRegistry> registry) {
            return builder -> registry.ifUnique(builder::observationRegistry);
        }
    }

    /** Bulk meters and Reactor Netty's pool gauges in the application's {@code MeterRegistry}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Meters {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        QuerystopClientCustomizer querystopMeterCustomizer(ObjectProvider<MeterRegistry> registry) {
            return builder -> registry.ifUnique(builder::meterRegistry);
        }
    }

    /** Without Spring's web support: shared resources on Reactor Netty's shared event loops. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.http.client.ReactorResourceFactory")
    static class WithoutReactorResourceFactory {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ClientResources querystopClientResources() {
            return ClientResources.create();
        }
    }

    /** {@code querystop.cloudtrail.region} or {@code querystop.cloudtrail.endpoint} is set. */
    static final class CloudTrailConfigured extends AnyNestedCondition {

        CloudTrailConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "querystop.cloudtrail", name = "region")
        static final class Region {
        }

        @ConditionalOnProperty(prefix = "querystop.cloudtrail", name = "endpoint")
        static final class Endpoint {
        }
    }
}
