package io.querystop.spring.boot;

import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One {@link NeptuneDataClient} per instance endpoint of each cluster named under
 * {@code querystop.neptune.clusters.<name>.endpoints}. A Neptune query runs on one instance, and only that instance's
 * endpoint can cancel it or tell its status; so a client per instance, not per cluster.
 *
 * <pre>{@code
 * Flux.fromIterable(clusters.instances("orders").values())
 *     .flatMap(instance -> instance.cancelGremlinQuery(queryId)
 *         .onErrorResume(NeptuneDataErrors::isNotRunning, e -> Mono.empty()))   // not on that instance
 *     .next();
 * }</pre>
 *
 * <p>Clients are built at start-up and share the application's event loops, credentials and {@code querystop.neptune.*}
 * pool, timeout and retry settings. Closing closes them all; the auto-configuration does so at shutdown.
 */
public final class NeptuneClusters implements AutoCloseable {

    private final Map<String, Map<String, NeptuneDataClient>> clusters;

    /**
     * @param clusters per cluster name, its instances' clients by endpoint, in the configured order
     */
    public NeptuneClusters(Map<String, Map<String, NeptuneDataClient>> clusters) {
        Map<String, Map<String, NeptuneDataClient>> copy = new LinkedHashMap<>();
        clusters.forEach((name, instances) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(instances))));
        this.clusters = Collections.unmodifiableMap(copy);
    }

    /** The cluster names, in the configured order. */
    public Set<String> names() {
        return clusters.keySet();
    }

    /**
     * The clients of a cluster's instances, by endpoint as configured, in the configured order.
     *
     * @throws IllegalArgumentException for a cluster that is not configured
     */
    public Map<String, NeptuneDataClient> instances(String cluster) {
        Map<String, NeptuneDataClient> instances = clusters.get(cluster);
        if (instances == null) {
            throw new IllegalArgumentException("no Neptune cluster '" + cluster + "' under querystop.neptune.clusters; "
                + "configured: " + clusters.keySet());
        }
        return instances;
    }

    /**
     * The client of one instance.
     *
     * @throws IllegalArgumentException for a cluster or endpoint that is not configured
     */
    public NeptuneDataClient instance(String cluster, String endpoint) {
        NeptuneDataClient client = instances(cluster).get(endpoint);
        if (client == null) {
            throw new IllegalArgumentException("no endpoint '" + endpoint + "' in Neptune cluster '" + cluster
                + "'; configured: " + instances(cluster).keySet());
        }
        return client;
    }

    /** Every cluster's clients, by cluster name, then by endpoint. */
    public Map<String, Map<String, NeptuneDataClient>> asMap() {
        return clusters;
    }

    /**
     * Closes every client, each letting its calls in flight finish within {@code timeout}.
     *
     * @return whether all of them finished and were released in time
     */
    public boolean close(Duration timeout) {
        boolean all = true;
        for (Map<String, NeptuneDataClient> instances : clusters.values()) {
            for (NeptuneDataClient client : instances.values()) {
                all &= client.close(timeout);
            }
        }
        return all;
    }

    /** {@link #close(Duration)} with 10 seconds per client. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("NeptuneClusters[");
        clusters.forEach((name, instances) -> text.append(name).append('=').append(instances.keySet()).append(' '));
        return text.toString().strip() + "]";
    }
}
