package io.querystop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The certificates are well-formed X.509 as the JDK reads them: names, validity, signature. */
class SelfSignedCertificateUnitTests {

    @Test
    void namesEveryHostNameAndIpLiteralAsASubjectAlternativeName() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.create(List.of("localhost", "127.0.0.1", "::1"),
            Instant.now()).certificate();

        Set<List<?>> names = certificate.getSubjectAlternativeNames().stream().map(List::copyOf)
            .collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"),
            List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        certificate.verify(certificate.getPublicKey()); // self-signed: its own key checks its signature
        certificate.checkValidity();
    }

    @Test
    void isValidFromADayBeforeForAYear() {
        Instant now = Instant.parse("2031-03-04T05:06:07Z");

        X509Certificate certificate = SelfSignedCertificate.create(List.of("localhost"), now).certificate();

        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(365)));
    }

    @Test
    void datesFrom2050AreWrittenAsGeneralizedTime() throws Exception {
        Instant now = Instant.parse("2049-12-01T00:00:00Z");

        X509Certificate certificate = SelfSignedCertificate.create(List.of("localhost"), now).certificate();

        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2050-12-01T00:00:00Z"));
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void eachCertificateHasItsOwnKeyAndSerial() {
        TlsIdentity one = SelfSignedCertificate.create(List.of("localhost"), Instant.now());
        TlsIdentity two = SelfSignedCertificate.create(List.of("localhost"), Instant.now());

        assertThat(one.certificate().getPublicKey()).isNotEqualTo(two.certificate().getPublicKey());
        assertThat(one.certificate().getSerialNumber()).isNotEqualTo(two.certificate().getSerialNumber());
        assertThat(one.toString()).isEqualTo("TlsIdentity[CN=localhost]");
    }

    @Test
    void refusesNamesItCannotWrite() {
        assertThatThrownBy(() -> SelfSignedCertificate.create(List.of(), Instant.now()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SelfSignedCertificate.create(List.of("h\u00f4te.example"), Instant.now()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ASCII");
        assertThatThrownBy(() -> SelfSignedCertificate.create(List.of("::zz"), Instant.now()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an IP address");
    }
}
