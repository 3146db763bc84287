package io.querystop;

import io.netty.handler.ssl.SslContext;
import io.querystop.internal.Validation;
import io.querystop.internal.http.Endpoint;
import io.querystop.internal.http.ServiceErrors;
import io.querystop.internal.http.TransportSettings;
import java.time.Clock;
import java.util.regex.Pattern;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * What the builders of both service clients share: region, credentials, pooling, timeouts, TLS and resources.
 * Every setting is optional; {@code build()} checks them and throws {@link InvalidInputException} naming the
 * setting that is wrong.
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

    /** Pool sizing and connection lifetimes; ignored when {@link #connectionProvider} is given. */
    public B connectionPool(ConnectionPoolSettings connectionPool) {
        this.connectionPool = connectionPool;
        return self();
    }

    public B timeouts(Timeouts timeouts) {
        this.timeouts = timeouts;
        return self();
    }

    /** Event loops to run on, e.g. shared with a WebFlux server. Default: Reactor Netty's shared loops. */
    public B loopResources(LoopResources loopResources) {
        this.loopResources = loopResources;
        return self();
    }

    /** A connection pool to use instead of the client's own. The client never closes it. */
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

    /** The clock that signing times come from; for tests. Default: the system clock. */
    public B clock(Clock clock) {
        this.clock = clock;
        return self();
    }

    /** Builds the client. Resolving a default region may read files; call this at start-up, not on an event loop. */
    public abstract C build();

    /** Checks the shared settings and resolves defaults for a client of one service. */
    protected final TransportSettings transportSettings(ServiceErrors errors, String signingName, Endpoint endpoint,
                                                        String regionFromEndpoint) {
        Validation.notNull("connectionPool", connectionPool);
        Validation.notNull("timeouts", timeouts);
        Validation.notNull("clock", clock);
        Validation.notNull("retryPolicy", retryPolicy);
        if (maxResponseBytes <= 0) {
            throw new InvalidInputException("maxResponseBytes", "must be positive, was " + maxResponseBytes);
        }
        String resolvedRegion = resolveRegion(regionFromEndpoint);
        boolean owned = credentialsProvider == null;
        IdentityProvider<? extends AwsCredentialsIdentity> credentials = owned
            ? DefaultCredentialsProvider.builder().build() : credentialsProvider;
        return new TransportSettings(errors, signingName, endpoint, resolvedRegion, credentials, owned, connectionPool,
            timeouts, loopResources, connectionProvider, sslContext, maxResponseBytes, clock, retryPolicy);
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
