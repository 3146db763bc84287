package io.querystop.emulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An emulated Neptune cluster: N instances, each an {@link Emulator} on its own loopback port, the first the writer
 * and the others readers ({@code GET /status} says which). Each instance has its own queries, loads, recorded
 * requests and faults: a query put on one is listed, read and cancelled there only, and a status or cancel call for
 * it on another instance gets the service's 400 {@code InvalidParameterException}, as through Neptune's reader
 * endpoint. Loads run on the writer; a reader answers a loader cancel 405. The instances share one CloudTrail Lake
 * account (CloudTrail is a regional service), served by every instance's endpoint, and one query clock.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.startingAt(Instant.now());
 * try (EmulatedCluster cluster = EmulatedCluster.builder().instances(3).queryClock(clock)
 *          .cancellationDelay(Duration.ofSeconds(2)).start()) {
 *     cluster.writer().addQuery(QuerySeed.gremlin("q-1", "g.V().count()"));
 *     cluster.readers().get(0).addQuery(QuerySeed.openCypher("q-2", "MATCH (n) RETURN n")
 *         .running(Duration.ZERO, Duration.ofMinutes(20)));
 *     clock.advance(Duration.ofMinutes(5));
 *     List<URI> endpoints = cluster.endpoints();   // writer first
 * }
 * }</pre>
 */
public final class EmulatedCluster implements AutoCloseable {

    private final List<Emulator> instances;

    private EmulatedCluster(List<Emulator> instances) {
        this.instances = List.copyOf(instances);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A cluster of this many instances with default settings. */
    public static EmulatedCluster start(int instances) {
        return builder().instances(instances).start();
    }

    /** The writer, the first instance. */
    public Emulator writer() {
        return instances.get(0);
    }

    /** The readers, in order (empty for a one-instance cluster). */
    public List<Emulator> readers() {
        return instances.subList(1, instances.size());
    }

    /** Every instance, the writer first. */
    public List<Emulator> instances() {
        return instances;
    }

    /** Every instance's endpoint, the writer's first. */
    public List<URI> endpoints() {
        return instances.stream().map(Emulator::endpoint).toList();
    }

    /** The instance serving this endpoint, or {@code null}. */
    public Emulator instance(URI endpoint) {
        return instances.stream().filter(instance -> instance.endpoint().equals(endpoint)).findFirst().orElse(null);
    }

    /** Resets every instance: queries, loads, CloudTrail state, faults, recorded requests, counters. */
    public void reset() {
        instances.forEach(Emulator::reset);
    }

    /** Closes every instance; their ports refuse connections afterwards. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (Emulator instance : instances) {
            try {
                instance.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "EmulatedCluster" + endpoints();
    }

    /** Settings of an {@link EmulatedCluster}; {@link #start()} binds its instances. */
    public static final class Builder {

        private int instances = 1;
        private Clock queryClock;
        private Duration cancellationDelay;
        private Consumer<? super Emulator.Builder> settings = builder -> { };

        private Builder() {
        }

        /** How many instances: one writer and {@code instances - 1} readers (default 1). */
        public Builder instances(int instances) {
            if (instances < 1) {
                throw new IllegalArgumentException("a cluster has at least one instance, was " + instances);
            }
            this.instances = instances;
            return this;
        }

        /** The query clock of every instance and of the shared CloudTrail state; see {@link Emulator.Builder#queryClock}. */
        public Builder queryClock(Clock queryClock) {
            this.queryClock = Objects.requireNonNull(queryClock, "queryClock");
            return this;
        }

        /** Every instance's cancellation delay; see {@link Emulator.Builder#cancellationDelay}. */
        public Builder cancellationDelay(Duration cancellationDelay) {
            this.cancellationDelay = Objects.requireNonNull(cancellationDelay, "cancellationDelay");
            return this;
        }

        /**
         * Settings applied to each instance's {@link Emulator.Builder} (key pair, region, TLS, latency, queue sizes...).
         * A non-zero {@link Emulator.Builder#port(int) port} is the writer's; the readers take the next ones.
         */
        public Builder instanceSettings(Consumer<? super Emulator.Builder> settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Starts the instances; if one fails to bind, those started are closed again. */
        public EmulatedCluster start() {
            List<Emulator> started = new ArrayList<>();
            CloudTrailLake lake = null;
            try {
                for (int i = 0; i < instances; i++) {
                    Emulator.Builder builder = Emulator.builder();
                    settings.accept(builder);
                    if (queryClock != null) {
                        builder.queryClock(queryClock);
                    }
                    if (cancellationDelay != null) {
                        builder.cancellationDelay(cancellationDelay);
                    }
                    if (builder.port != 0) {
                        builder.port(builder.port + i);
                    }
                    if (lake == null) {
                        lake = new CloudTrailLake(builder.queryClock != null ? builder.queryClock : builder.clock,
                            builder.region);
                    }
                    builder.writer = i == 0;
                    builder.cloudTrail = lake;
                    started.add(builder.start());
                }
            } catch (RuntimeException e) {
                started.forEach(instance -> {
                    try {
                        instance.close();
                    } catch (RuntimeException closing) {
                        e.addSuppressed(closing);
                    }
                });
                throw e;
            }
            return new EmulatedCluster(started);
        }
    }
}
