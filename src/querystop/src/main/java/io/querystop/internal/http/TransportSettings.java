package io.querystop.internal.http;

import io.netty.handler.ssl.SslContext;
import io.querystop.ConnectionPoolSettings;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import java.time.Clock;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Everything a transport is built from, checked by the client builder.
 *
 * @param credentialsOwned    whether the client created the credentials provider and so closes it
 * @param loopResources       the event loops to run on, or {@code null} for Reactor Netty's shared ones
 * @param connectionProvider  a pool given by the caller (not closed by the client), or {@code null} to create one
 * @param sslContext          TLS settings for {@code https}, or {@code null} for the JDK's trust store with hostname
 *                            verification
 */
public record TransportSettings(ServiceErrors errors, String signingName, Endpoint endpoint, String region,
                                IdentityProvider<? extends AwsCredentialsIdentity> credentialsProvider,
                                boolean credentialsOwned, ConnectionPoolSettings pool, Timeouts timeouts,
                                LoopResources loopResources, ConnectionProvider connectionProvider,
                                SslContext sslContext, long maxResponseBytes, Clock clock,
                                RetryPolicy retryPolicy) {
}
