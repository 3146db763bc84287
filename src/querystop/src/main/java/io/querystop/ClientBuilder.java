package io.querystop;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.handler.ssl.SslContext;
import io.querystop.observation.QuerystopObservationConvention;
import java.time.Clock;
import java.util.regex.Pattern;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * What the builders of both service clients share: region, credentials, pooling, timeouts, TLS and resources.
 * Every setting is optional; {@code build()} checks them and throws {@link InvalidInputException} naming the
 * setting that is wrong.
 *
 * <h2>Admission: how many calls go out at once, and where the others wait</h2>
 * A client has one queue. It lets at most <i>N</i> calls onto the network at once; the others wait in it, first come
 * first served. A waiting call that is cancelled leaves the queue at once; one that finds
 * {@link ConnectionPoolSettings#maxPendingAcquires()} calls already waiting, or waits longer than
 * {@link ConnectionPoolSettings#pendingAcquireTimeout()}, fails with {@link PoolAcquireTimeoutException} (never
 * retried). A retry waits in the queue again.
 * <ul>
 *   <li>With the client's own pool (the default), <i>N</i> is {@link ConnectionPoolSettings#maxConnections()}, and
 *       the pool has no queue of its own to speak of: it is sized so that a call admitted never waits in it for
 *       more than the moment a finished call takes to hand back its connection.</li>
 *   <li>With a {@link #connectionProvider caller-supplied provider}, <i>N</i> is the provider's
 *       {@link ConnectionProvider#maxConnections()} (its per-endpoint limit), or
 *       {@link ConnectionPoolSettings#maxConnections()} for a provider without a fixed limit (such as
 *       {@link ConnectionProvider#newConnection()}). {@code maxPendingAcquires} and {@code pendingAcquireTimeout} of
 *       {@link #connectionPool} still bound the client's queue; {@code maxIdleTime} and {@code maxLifeTime} are the
 *       provider's own. When the provider also serves other clients, a call admitted here can still wait inside
 *       the provider under its own pending limits; such a wait that fails is a {@link PoolAcquireTimeoutException}
 *       too.</li>
 * </ul>
 *
 * <h2>What a client owns</h2>
 * A client closes what it created: its connection pool, the default credentials provider, and its
 * {@link ClientResources} when none were given. What it was given (a provider, a pool, event loops, resources) it
 * never closes.
 *
 * <h2>Observations and metrics</h2>
 * With an {@link #observationRegistry ObservationRegistry}, each call is one Micrometer observation named
 * {@code querystop.client.requests}, child of the observation found in the subscriber's Reactor {@code Context}; with a
 * {@link #meterRegistry MeterRegistry}, bulk runs and the client's own connection pool are metered too. Micrometer is
 * an optional dependency: a client given neither registry loads no class of it. The README's Observability section
 * lists every name and tag.
 *
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {

    /** Default for {@link #maxResponseBytes(long)}: 1 MiB, far above any answer of these operations. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");

    private String region;
    private IdentityProvider<? extends AwsCredentialsIdentity> credentialsProvider;
    private ConnectionPoolSettings connectionPool = ConnectionPoolSettings.defaults();
    private Timeouts timeouts = Timeouts.defaults();
    private LoopResources loopResources;
    private ConnectionProvider connectionProvider;
    private SslContext sslContext;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.standard();
    private ClientResources resources;
    // Micrometer types: only ever touched when set, so the library runs without Micrometer on the classpath.
    private ObservationRegistry observationRegistry;
    private QuerystopObservationConvention observationConvention;
    private MeterRegistry meterRegistry;

    protected ClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The AWS region to sign for, e.g. {@code us-east-1}. When not set: for Neptune, the region in an
     * {@code *.neptune.amazonaws.com} endpoint; otherwise the AWS default region chain (environment, system
     * properties, profile file, instance metadata), read once in {@code build()}.
     */
    public B region(String region) {
        this.region = region;
        return self();
    }

    /**
     * Where credentials come from: any aws-sdk-java-v2 {@code AwsCredentialsProvider} or identity provider. When
     * not set, the AWS default chain, which the client then owns and closes. Providers are only ever called off the
     * event loop, and their answer is cached until shortly before it expires.
     */
    public B credentialsProvider(IdentityProvider<? extends AwsCredentialsIdentity> credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
        return self();
    }

    /**
     * Pool sizing, connection lifetimes, and the bounds of the client's admission queue. With a
     * {@link #connectionProvider} given, only {@code maxPendingAcquires} and {@code pendingAcquireTimeout} apply, and
     * {@code maxConnections} only for a provider without a fixed limit (see the class description).
     */
    public B connectionPool(ConnectionPoolSettings connectionPool) {
        this.connectionPool = connectionPool;
        return self();
    }

    public B timeouts(Timeouts timeouts) {
        this.timeouts = timeouts;
        return self();
    }

    /**
     * Event loops to run on, e.g. shared with a WebFlux server; the client never disposes them. Takes precedence over
     * the loops of {@link #resources}. Default: those of the resources, else Reactor Netty's shared loops.
     */
    public B loopResources(LoopResources loopResources) {
        this.loopResources = loopResources;
        return self();
    }

    /**
     * A connection pool to use instead of the client's own. The client never closes it. How it sizes the client's
     * admission is said in the class description.
     */
    public B connectionProvider(ConnectionProvider connectionProvider) {
        this.connectionProvider = connectionProvider;
        return self();
    }

    /**
     * TLS settings for {@code https} endpoints, e.g. a private CA. Default: the JDK's trust store; the host name is
     * verified either way.
     */
    public B sslContext(SslContext sslContext) {
        this.sslContext = sslContext;
        return self();
    }

    /** The largest response body read before the call fails with {@link ResponseTooLargeException}. */
    public B maxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        return self();
    }

    /** When to try failed calls again. Default: {@link RetryPolicy#standard()}, the AWS SDKs' standard mode. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
        return self();
    }

    /**
     * Resources to share with other clients: the deadline timer and, if they have them, event loops. The client never
     * closes them. Default: the client creates its own and closes them when it is closed.
     */
    public B resources(ClientResources resources) {
        this.resources = resources;
        return self();
    }

    /**
     * Where each call's observation goes: one per call, retries included, named {@code querystop.client.requests}, with
     * the observation in the subscriber's Reactor {@code Context} (under {@code ObservationThreadLocalAccessor.KEY},
     * where Spring WebFlux and Reactor's context propagation put it) as its parent. Default: none, and no observation
     * is created.
     */
    public B observationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = observationRegistry;
        return self();
    }

    /**
     * How the calls' observations are named and tagged. Default: {@code DefaultQuerystopObservationConvention}. A
     * {@code GlobalObservationConvention} registered on the registry takes precedence.
     */
    public B observationConvention(QuerystopObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
        return self();
    }

    /**
     * Where meters go: bulk runs' {@code querystop.bulk.*} meters and Reactor Netty's
     * {@code reactor.netty.connection.provider.*} gauges of the client's own pool (a pool the caller gave is the
     * caller's to meter). Without an {@link #observationRegistry}, calls are also timed into it as
     * {@code querystop.client.requests}. Default: none.
     */
    public B meterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        return self();
    }

    /** The clock that signing times come from; for tests. Default: the system clock. */
    public B clock(Clock clock) {
        this.clock = clock;
        return self();
    }

    /** Builds the client. Resolving a default region may read files; call this at start-up, not on an event loop. */
    public abstract C build();

    /**
     * The shared settings, checked, with the region resolved: what a service builder hands to the client it builds.
     *
     * @param regionFromEndpoint the region the service's endpoint names, used when none was set; may be {@code null}
     */
    protected final ClientSettings settings(String regionFromEndpoint) {
        Settings.notNull("connectionPool", connectionPool); // checked before the region, which may read files
        Settings.notNull("timeouts", timeouts);
        Settings.notNull("clock", clock);
        Settings.notNull("retryPolicy", retryPolicy);
        if (maxResponseBytes <= 0) {
            throw new InvalidInputException("maxResponseBytes", "must be positive, was " + maxResponseBytes);
        }
        Observability observability = observationRegistry == null && meterRegistry == null ? null
            : new Observability(observationRegistry, observationConvention, meterRegistry);
        return new ClientSettings(resolveRegion(regionFromEndpoint), credentialsProvider, connectionPool, timeouts,
            loopResources, connectionProvider, sslContext, maxResponseBytes, clock, retryPolicy, resources,
            observability);
    }

    /** The region set on the builder, or {@code null}: service builders derive endpoints from it. */
    protected final String resolveRegion(String regionFromEndpoint) {
        String chosen = region != null ? region : regionFromEndpoint;
        if (chosen == null) {
            try {
                chosen = new DefaultAwsRegionProviderChain().getRegion().id();
            } catch (SdkClientException e) {
                throw new InvalidInputException("region", "must be set: none was given and the AWS default region "
                    + "chain found none (AWS_REGION, aws.region, profile file, instance metadata)", e);
            }
        }
        if (!REGION.matcher(chosen).matches()) {
            throw new InvalidInputException("region", "must look like us-east-1, was '" + chosen + "'");
        }
        return chosen;
    }
}
