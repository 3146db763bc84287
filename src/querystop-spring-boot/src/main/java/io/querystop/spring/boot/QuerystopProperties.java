package io.querystop.spring.boot;

import io.querystop.ConnectionPoolSettings;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The {@code querystop.*} properties: what the auto-configured clients are built from. Every default is the library's
 * own (a test keeps them equal).
 *
 * @param neptune The Neptune data API clients.
 * @param cloudTrail The CloudTrail Lake client.
 * @param web The WebFlux error mapping.
 * @param shutdownTimeout How long, at shutdown, the calls still in flight may take before the clients close; the
 *                        clients close after the web server has stopped and before its event loops do.
 */
@ConfigurationProperties("querystop")
public record QuerystopProperties(@DefaultValue Neptune neptune, @Name("cloudtrail") @DefaultValue CloudTrail cloudTrail,
                                  @DefaultValue Web web, @DefaultValue("10s") Duration shutdownTimeout) {

    /**
     * Neptune: one client for {@code endpoint}, and one per instance of each named cluster.
     *
     * @param endpoint The cluster or instance endpoint of the NeptuneDataClient bean, e.g.
     *                 https://my-cluster.cluster-abc.us-east-1.neptune.amazonaws.com:8182; no bean without it.
     * @param region The region to sign for; default: the region in a *.neptune.amazonaws.com host name, else the AWS
     *               default region chain.
     * @param clusters Named clusters, each with the endpoints of its instances: one client per instance, from the
     *                 NeptuneClusters bean.
     * @param pool The connection pool of each client.
     * @param timeouts The timeouts of each client.
     * @param retry The retry policy of each client.
     * @param healthTimeout How long the health indicator waits for an endpoint's engine status before reporting it
     *                      down.
     */
    public record Neptune(String endpoint, String region, Map<String, Cluster> clusters, @DefaultValue Pool pool,
                          @DefaultValue TimeoutSettings timeouts, @DefaultValue Retry retry,
                          @DefaultValue("5s") Duration healthTimeout) {

        public Neptune {
            clusters = clusters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
        }
    }

    /**
     * A named Neptune cluster.
     *
     * @param endpoints The instance endpoints, e.g. https://db-1.abc.us-east-1.neptune.amazonaws.com:8182; a query
     *                  runs on one instance, and only that instance can cancel it.
     * @param region The region to sign for; default: querystop.neptune.region, else as for the endpoint.
     */
    public record Cluster(List<String> endpoints, String region) {

        public Cluster {
            endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        }
    }

    /**
     * CloudTrail Lake. The {@code CloudTrailClient} bean exists when {@code region} or {@code endpoint} is set.
     *
     * @param region The region, e.g. eu-west-1; default: the AWS default region chain.
     * @param endpoint An endpoint to use instead of the region's, e.g. a VPC endpoint or a proxy.
     * @param fips Whether to use the region's FIPS endpoint.
     * @param dualStack Whether to use the region's dual-stack (IPv4 and IPv6) endpoint.
     * @param pool The client's connection pool.
     * @param timeouts The client's timeouts.
     * @param retry The client's retry policy.
     */
    public record CloudTrail(String region, String endpoint, boolean fips, boolean dualStack, @DefaultValue Pool pool,
                             @DefaultValue TimeoutSettings timeouts, @DefaultValue Retry retry) {
    }

    /**
     * A client's connection pool; see {@code io.querystop.ConnectionPoolSettings}.
     *
     * @param maxConnections Connections open at once, busy or idle.
     * @param maxPendingAcquires Callers that may wait for a connection before failing at once.
     * @param pendingAcquireTimeout How long a caller waits for a connection.
     * @param maxIdleTime An idle connection is closed after this long.
     * @param maxLifeTime A connection is retired after this long, so that DNS changes are picked up.
     */
    public record Pool(@DefaultValue("64") int maxConnections, @DefaultValue("1024") int maxPendingAcquires,
                       @DefaultValue("10s") Duration pendingAcquireTimeout, @DefaultValue("30s") Duration maxIdleTime,
                       @DefaultValue("5m") Duration maxLifeTime) {

        ConnectionPoolSettings toSettings() {
            return new ConnectionPoolSettings(maxConnections, maxPendingAcquires, pendingAcquireTimeout, maxIdleTime,
                maxLifeTime);
        }
    }

    /**
     * A client's timeouts; see {@code io.querystop.Timeouts}.
     *
     * @param connect TCP connect and TLS handshake.
     * @param response Per attempt, to the response headers and between two pieces of the body.
     * @param call The whole call, all attempts and backoff included.
     */
    public record TimeoutSettings(@DefaultValue("3100ms") Duration connect, @DefaultValue("30s") Duration response,
                                  @DefaultValue("2m") Duration call) {

        Timeouts toTimeouts() {
            return new Timeouts(connect, response, call);
        }
    }

    /**
     * A client's retry policy; see {@code io.querystop.RetryPolicy}.
     *
     * @param mode The AWS SDKs' retry mode: standard, adaptive (standard plus a client-side send-rate limiter) or
     *             none (one attempt).
     * @param maxAttempts Attempts in all, the first included; default: the mode's (3, or 1 for none).
     */
    public record Retry(@DefaultValue("standard") RetryMode mode, Integer maxAttempts) {

        RetryPolicy toPolicy() {
            RetryPolicy policy = switch (mode) {
                case STANDARD -> RetryPolicy.standard();
                case ADAPTIVE -> RetryPolicy.adaptive();
                case NONE -> RetryPolicy.none();
            };
            return maxAttempts == null ? policy : policy.toBuilder().maxAttempts(maxAttempts).build();
        }
    }

    /** The retry modes of {@code querystop.*.retry.mode}. */
    public enum RetryMode {
        STANDARD, ADAPTIVE, NONE
    }

    /**
     * The WebFlux error mapping.
     *
     * @param errorMapping Whether querystop's errors become RFC 9457 problem details (404 not running, 429
     *                     throttled, 502 other service errors, 504 timeouts and transport failures) instead of 500.
     */
    public record Web(@DefaultValue("true") boolean errorMapping) {
    }
}
