package io.querystop.internal.http;

import io.querystop.ClientResources;
import io.querystop.ClientSettings;
import io.querystop.ConnectionPoolSettings;
import io.querystop.InvalidInputException;
import io.querystop.Observability;
import io.querystop.RetryPolicy;
import io.querystop.internal.retry.ClientRateLimiter;
import io.querystop.internal.retry.RetryQuota;
import io.querystop.internal.retry.SkewAdjustedClock;
import io.querystop.internal.signing.CredentialsCache;
import io.querystop.internal.signing.RequestSigner;
import io.querystop.internal.observation.CallObservations;
import io.querystop.internal.observation.MicrometerCallObservations;
import io.querystop.internal.observation.PoolMeters;
import io.querystop.internal.signing.Signing;
import java.util.Locale;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds a client's {@link HttpTransport} from its checked settings: creates what the settings leave to the client
 * (credentials provider, {@link ClientResources}, connection pool), which the client then owns and releases on
 * close, and wires the stages.
 */
public final class TransportFactory {

    private TransportFactory() {
    }

    /**
     * @param errors      the service's error vocabulary
     * @param signingName the SigV4 signing name, e.g. {@code neptune-db}
     */
    public static HttpTransport create(ClientSettings settings, ServiceErrors errors, String signingName,
                                       Endpoint endpoint) {
        ClientResources given = settings.resources();
        if (given != null && given.isClosed()) {
            throw new InvalidInputException("resources", "are closed");
        }
        ClientResources resources = given != null ? given : ClientResources.create();
        IdentityProvider<? extends AwsCredentialsIdentity> credentials = settings.credentialsProvider() != null
            ? settings.credentialsProvider() : defaultCredentials();
        LoopResources loops = settings.loopResources() != null ? settings.loopResources()
            : resources.loopResources().orElse(null);

        CallDeadlines deadlines = new CallDeadlines(resources.timer());
        SkewAdjustedClock clock = new SkewAdjustedClock(settings.clock());
        RetryPolicy policy = settings.retryPolicy();
        ConnectionPoolSettings poolSettings = settings.connectionPool();
        Observability observability = settings.observability();
        // Micrometer is touched only past these null checks: without registries, no class of it is ever loaded
        ConnectionProvider.MeterRegistrar poolMeters = observability != null && observability.meterRegistry() != null
            ? PoolMeters.create(observability.meterRegistry()) : null;
        CallObservations observations = observability == null ? CallObservations.NONE
            : MicrometerCallObservations.create(observability, errors.serviceName().toLowerCase(Locale.ROOT),
                endpoint.hostHeader(), errors::isNotRunning);
        ConnectionPool pool = new ConnectionPool(settings, endpoint, "querystop-" + signingName, loops, poolMeters);
        Lifecycle lifecycle = new Lifecycle(deadlines, () -> pool.disposeLater()
            .then(settings.credentialsProvider() == null ? close(credentials) : Mono.empty())
            .then(given == null ? resources.closeLater() : Mono.empty()));
        return new HttpTransport(endpoint, settings.region(),
            new RequestBuilder(endpoint),
            new Signing(new CredentialsCache(credentials, settings.clock(), Schedulers.boundedElastic()),
                new RequestSigner(signingName, settings.region()), clock),
            new ConnectionGate(pool.capacity(), poolSettings.maxPendingAcquires(),
                poolSettings.pendingAcquireTimeout(), deadlines),
            new Sender(pool.http(), endpoint, settings.maxResponseBytes()),
            new FailureTranslator(endpoint.hostHeader(), settings.timeouts()),
            new ResponseDecoder(errors, endpoint.hostHeader()),
            new RetryLoop(policy, settings.timeouts().call(), new RetryQuota(policy.retryQuota()),
                policy.isAdaptive() ? new ClientRateLimiter(System::nanoTime) : null, clock, deadlines),
            observations, observability, pool, lifecycle, new ServerTime(settings.clock()));
    }

    /**
     * The AWS default chain; when one of its first two links (system properties, then environment variables) holds a
     * key pair, that link alone, which the chain would pick too: building the whole chain (web identity, profile files,
     * container and instance metadata providers) costs a short-lived process about 100 class loads.
     */
    static IdentityProvider<? extends AwsCredentialsIdentity> defaultCredentials() {
        if (present(SdkSystemSetting.AWS_ACCESS_KEY_ID.property(), null)
            && present(SdkSystemSetting.AWS_SECRET_ACCESS_KEY.property(), null)) {
            return SystemPropertyCredentialsProvider.create();
        }
        if (present(null, SdkSystemSetting.AWS_ACCESS_KEY_ID.environmentVariable())
            && present(null, SdkSystemSetting.AWS_SECRET_ACCESS_KEY.environmentVariable())) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean present(String property, String variable) {
        String value = property != null ? System.getProperty(property) : System.getenv(variable);
        return value != null && !value.isBlank();
    }

    /** A provider may close files or threads: off the event loop. */
    private static Mono<Void> close(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
        return provider instanceof SdkAutoCloseable closeable
            ? Mono.fromRunnable(closeable::close).subscribeOn(Schedulers.boundedElastic()).then()
            : Mono.empty();
    }
}
