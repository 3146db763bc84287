package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.querystop.CallOptions;
import io.querystop.Timeouts;
import io.querystop.TransportException;
import io.querystop.emulator.Emulator;
import io.querystop.emulator.RecordedRequest;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.CancelGremlinQueryRequest;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.EmulatorExtension;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * The client over https, against the emulator with a self-signed certificate: trusted through the builder it works;
 * untrusted, or made out to another host name, the call fails with a non-retryable {@link TransportException} that
 * says TLS, after one attempt, and leaves no connection in the pool (the extension checks that after each test).
 */
class TlsIntegrationTests {

    @RegisterExtension
    static final EmulatorExtension loopback = new EmulatorExtension(builder -> builder.selfSignedTls());

    @RegisterExtension
    static final EmulatorExtension otherHost =
        new EmulatorExtension(builder -> builder.selfSignedTls("not-this-host.example"));

    @Test
    void aClientThatTrustsTheCertificateThroughItsBuilderCancels() throws Exception {
        Emulator emulator = loopback.emulator();
        emulator.addGremlinQuery("q-1");
        SslContext trust = trusting(emulator);
        NeptuneDataClient neptune = loopback.neptune(patient(b -> b.sslContext(trust)));

        neptune.cancelGremlinQuery("q-1")
            .as(StepVerifier::create)
            .assertNext(response -> assertThat(response.status()).isEqualTo("200 OK"))
            .expectComplete()
            .verify(Duration.ofSeconds(30));

        assertThat(emulator.endpoint()).hasScheme("https");
        assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "q-1")).contains("CANCELLED");
        RecordedRequest request = emulator.takeRequest(Duration.ZERO);
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + emulator.port());
    }

    @Test
    void theJdksTrustStoreRefusesTheSelfSignedCertificate() {
        Emulator emulator = loopback.emulator();
        emulator.addGremlinQuery("q-1");
        NeptuneDataClient neptune = loopback.neptune(patient(b -> { }));
        AtomicInteger attempts = new AtomicInteger();

        neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("q-1"), countingAttempts(attempts))
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertTlsFailure(error, emulator);
                assertThat(error).hasRootCauseInstanceOf(CertPathBuilderException.class); // not trusted
            })
            .verify(Duration.ofSeconds(30));

        assertThat(attempts).as("attempts; a rejected certificate is not retried").hasValue(1);
        assertThat(emulator.requestCount()).isZero();
        assertThat(emulator.state(Route.CANCEL_GREMLIN_QUERY, "q-1")).contains("RUNNING");
        assertThat(EmulatorExtension.awaitIdlePool(neptune::connectionPoolStats).active()).isZero();
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        Emulator emulator = otherHost.emulator();
        emulator.addGremlinQuery("q-1");
        SslContext trust = trusting(emulator);
        NeptuneDataClient neptune = otherHost.neptune(patient(b -> b.sslContext(trust)));
        AtomicInteger attempts = new AtomicInteger();

        neptune.cancelGremlinQuery(new CancelGremlinQueryRequest("q-1"), countingAttempts(attempts))
            .as(StepVerifier::create)
            .expectErrorSatisfies(error -> {
                assertTlsFailure(error, emulator);
                // trusted, but made out to not-this-host.example: the host name check is what refused it
                assertThat(error).hasRootCauseInstanceOf(CertificateException.class)
                    .hasRootCauseMessage("No subject alternative names matching IP address 127.0.0.1 found");
            })
            .verify(Duration.ofSeconds(30));

        assertThat(attempts).as("attempts; a rejected certificate is not retried").hasValue(1);
        assertThat(emulator.requestCount()).isZero();
        assertThat(EmulatorExtension.awaitIdlePool(neptune::connectionPoolStats).active()).isZero();
    }

    private static void assertTlsFailure(Throwable error, Emulator emulator) {
        assertThat(error).isExactlyInstanceOf(TransportException.class)
            .hasMessageStartingWith("CancelGremlinQuery to 127.0.0.1:" + emulator.port() + " failed: TLS")
            .hasCauseInstanceOf(SSLHandshakeException.class);
        assertThat(((TransportException) error).isRetryable()).isFalse();
        assertThat(error.getCause()).isInstanceOf(SSLException.class);
    }

    private static SslContext trusting(Emulator emulator) throws SSLException {
        return SslContextBuilder.forClient().trustManager(emulator.certificate()).build();
    }

    private static CallOptions countingAttempts(AtomicInteger attempts) {
        return CallOptions.defaults().withAttemptObserver((throttled, latencyNanos) -> attempts.incrementAndGet());
    }

    /** A first handshake in a cold JVM on a busy machine can take longer than the default 3.1 s connect timeout. */
    private static Consumer<NeptuneDataClient.Builder> patient(Consumer<NeptuneDataClient.Builder> customizer) {
        return builder -> customizer.accept(builder.timeouts(Timeouts.defaults().withConnect(Duration.ofSeconds(20))));
    }
}
