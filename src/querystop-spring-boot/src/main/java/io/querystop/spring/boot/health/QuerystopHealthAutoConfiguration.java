package io.querystop.spring.boot.health;

import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.spring.boot.NeptuneClusters;
import io.querystop.spring.boot.QuerystopAutoConfiguration;
import io.querystop.spring.boot.QuerystopProperties;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A reactive health contributor {@code neptune} with one indicator per Neptune endpoint: {@code neptune.default} for
 * the {@link NeptuneDataClient} bean, and {@code neptune.<cluster>.<host:port>} for each instance of each named
 * cluster. Off with {@code management.health.neptune.enabled=false}; replaced by a bean of the application named
 * {@code neptuneHealthContributor}.
 */
@AutoConfiguration(after = QuerystopAutoConfiguration.class)
@ConditionalOnClass({NeptuneDataClient.class, ReactiveHealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnEnabledHealthIndicator("neptune")
public class QuerystopHealthAutoConfiguration {

    /** The client's own {@code GetEngineStatus} call. */
    @Bean
    @ConditionalOnMissingBean
    EngineStatusProbe querystopEngineStatusProbe() {
        return client -> client.getEngineStatus()
            .map(status -> new EngineStatusProbe.EngineStatus(status.status(), status.role()));
    }

    @Bean
    @ConditionalOnMissingBean(name = "neptuneHealthContributor")
    @Conditional(AnyNeptuneClient.class)
    ReactiveHealthContributor neptuneHealthContributor(ObjectProvider<NeptuneDataClient> client,
                                                       ObjectProvider<NeptuneClusters> clusters,
                                                       EngineStatusProbe probe, QuerystopProperties properties) {
        Duration timeout = properties.neptune().healthTimeout();
        Map<String, ReactiveHealthContributor> endpoints = new LinkedHashMap<>();
        client.ifUnique(neptune -> endpoints.put("default", new NeptuneHealthIndicator(
            String.valueOf(properties.neptune().endpoint()), neptune, probe, timeout)));
        clusters.ifUnique(all -> all.asMap().forEach((name, instances) -> {
            Map<String, ReactiveHealthContributor> members = new LinkedHashMap<>();
            instances.forEach((endpoint, instance) -> members.put(URI.create(endpoint).getAuthority(),
                new NeptuneHealthIndicator(endpoint, instance, probe, timeout)));
            if (!members.isEmpty()) {
                endpoints.put(name, CompositeReactiveHealthContributor.fromMap(members));
            }
        }));
        return CompositeReactiveHealthContributor.fromMap(endpoints);
    }

    /** There is a {@link NeptuneDataClient} or a {@link NeptuneClusters} bean: something to report on. */
    static final class AnyNeptuneClient extends AnyNestedCondition {

        AnyNeptuneClient() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(NeptuneDataClient.class)
        static final class Client {
        }

        @ConditionalOnBean(NeptuneClusters.class)
        static final class Clusters {
        }
    }
}
