package io.querystop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The emulator over https: trusted it answers; untrusted, or for another host name, the handshake fails. */
class EmulatorTlsTests {

    @Test
    void aSelfSignedEmulatorAnswersAClientThatTrustsItsCertificate() {
        try (Emulator emulator = Emulator.builder().selfSignedTls().start()) {
            assertThat(emulator.endpoint()).hasScheme("https").hasHost("127.0.0.1");
            assertThat(emulator.toString()).contains("https://127.0.0.1:" + emulator.port());

            RawHttp.Answer answer = RawHttp.cancelGremlinQuery(emulator.endpoint(), "q-1",
                tls -> tls.trustManager(emulator.certificate()));

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).contains("AccessDeniedException");
            assertThat(emulator.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void aClientWithTheDefaultTrustStoreRefusesTheSelfSignedCertificate() {
        try (Emulator emulator = Emulator.builder().selfSignedTls().start()) {
            assertThatThrownBy(() -> RawHttp.cancelGremlinQuery(emulator.endpoint(), "q-1"))
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("PKIX path building failed");
            assertThat(emulator.requestCount()).isZero();
        }
    }

    @Test
    void aCertificateForAnotherHostFailsTheClientsHostNameVerification() throws Exception {
        try (Emulator emulator = Emulator.builder().selfSignedTls("not-this-host.example").start()) {
            assertThatThrownBy(() -> RawHttp.cancelGremlinQuery(emulator.endpoint(), "q-1",
                tls -> tls.trustManager(emulator.certificate())))
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .hasRootCauseInstanceOf(CertificateException.class)
                .hasStackTraceContaining("127.0.0.1");

            // the same trusted certificate, reached under the name it was made for: the name was all that was wrong
            RawHttp.Answer answer = RawHttp.cancelGremlinQueryAs("not-this-host.example", emulator.endpoint(), "q-1",
                tls -> tls.trustManager(emulator.certificate()));
            assertThat(answer.status()).isEqualTo(403);
        }
    }

    @Test
    void tlsWithAGivenKeyAndChainIsTrustedThroughTheTrustManagerFactory() {
        TlsIdentity identity = SelfSignedCertificate.create(List.of("localhost", "127.0.0.1"),
            java.time.Instant.now());
        try (Emulator emulator = Emulator.builder().tls(identity.key(), identity.certificate()).start()) {
            assertThat(emulator.certificate()).isEqualTo(identity.certificate());

            RawHttp.Answer answer = RawHttp.cancelGremlinQuery(emulator.endpoint(), "q-1",
                tls -> tls.trustManager(emulator.trustManagerFactory()));

            assertThat(answer.status()).isEqualTo(403);
        }
    }

    @Test
    void aPlainHttpEmulatorHasNoCertificate() {
        try (Emulator emulator = Emulator.start()) {
            assertThat(emulator.endpoint()).hasScheme("http");
            assertThatThrownBy(emulator::certificate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("selfSignedTls()");
            assertThat(RawHttp.cancelGremlinQuery(emulator.endpoint(), "q-1").status()).isEqualTo(403);
        }
    }

    @Test
    void tlsNeedsAKeyAndACertificate() {
        Emulator.Builder builder = Emulator.builder();
        TlsIdentity identity = SelfSignedCertificate.create(List.of("localhost"), java.time.Instant.now());

        assertThatThrownBy(() -> builder.tls(null, identity.certificate()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tls(identity.key())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.selfSignedTls(new String[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
