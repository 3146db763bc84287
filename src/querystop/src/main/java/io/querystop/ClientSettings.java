package io.querystop;

import io.netty.handler.ssl.SslContext;
import java.time.Clock;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The settings both service clients share, checked and with defaults resolved, as {@link ClientBuilder} hands them to
 * the client it builds. Immutable; {@link #toString()} names the credentials provider's type only, never what it
 * holds. A {@code null} member means "the client creates its own and owns it".
 *
 * @param region              the region requests are signed for
 * @param credentialsProvider where credentials come from, or {@code null} for the AWS default chain
 * @param connectionPool      pool sizing and admission (see {@link ClientBuilder})
 * @param timeouts            connect, response and call timeouts
 * @param loopResources       event loops to run on, or {@code null} for those of {@code resources}
 * @param connectionProvider  a pool given by the caller, or {@code null} for the client's own
 * @param sslContext          TLS settings for {@code https}, or {@code null} for the JDK's trust store
 * @param maxResponseBytes    the largest response body read
 * @param clock               where signing times come from
 * @param retryPolicy         the client's retry policy
 * @param resources           shared resources, or {@code null} for resources of the client's own
 * @param observability       the registries calls and meters are reported to, or {@code null} for none (then no
 *                            Micrometer class is ever loaded)
 */
public record ClientSettings(String region, IdentityProvider<? extends AwsCredentialsIdentity> credentialsProvider,
                             ConnectionPoolSettings connectionPool, Timeouts timeouts, LoopResources loopResources,
                             ConnectionProvider connectionProvider, SslContext sslContext, long maxResponseBytes,
                             Clock clock, RetryPolicy retryPolicy, ClientResources resources,
                             Observability observability) {

    /** Settings that report to no registry. */
    public ClientSettings(String region, IdentityProvider<? extends AwsCredentialsIdentity> credentialsProvider,
                          ConnectionPoolSettings connectionPool, Timeouts timeouts, LoopResources loopResources,
                          ConnectionProvider connectionProvider, SslContext sslContext, long maxResponseBytes,
                          Clock clock, RetryPolicy retryPolicy, ClientResources resources) {
        this(region, credentialsProvider, connectionPool, timeouts, loopResources, connectionProvider, sslContext,
            maxResponseBytes, clock, retryPolicy, resources, null);
    }

    public ClientSettings {
        if (region == null || region.isBlank()) {
            throw new InvalidInputException("region", "must be set");
        }
        notNull("connectionPool", connectionPool);
        notNull("timeouts", timeouts);
        notNull("clock", clock);
        notNull("retryPolicy", retryPolicy);
        if (maxResponseBytes <= 0) {
            throw new InvalidInputException("maxResponseBytes", "must be positive, was " + maxResponseBytes);
        }
    }

    private static void notNull(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
    }

    @Override
    public String toString() {
        return "ClientSettings[region=" + region
            + ", credentialsProvider=" + (credentialsProvider == null ? "AWS default chain"
                : credentialsProvider.getClass().getSimpleName())
            + ", connectionPool=" + connectionPool
            + ", timeouts=" + timeouts
            + ", loopResources=" + (loopResources == null ? "from resources" : loopResources.getClass().getSimpleName())
            + ", connectionProvider=" + (connectionProvider == null ? "own" : connectionProvider.name() != null
                ? connectionProvider.name() : connectionProvider.getClass().getSimpleName())
            + ", sslContext=" + (sslContext == null ? "JDK default" : "custom")
            + ", maxResponseBytes=" + maxResponseBytes
            + ", clock=" + clock
            + ", retryPolicy=" + retryPolicy
            + ", resources=" + (resources == null ? "own" : resources)
            + ", observability=" + (observability == null ? "none" : observability) + "]";
    }
}
