package io.querystop.emulator;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;

/** The private key and certificate chain an emulator serves https with; its {@code toString()} omits the key. */
final class TlsIdentity {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    TlsIdentity(PrivateKey key, List<X509Certificate> chain) {
        if (key == null || chain.isEmpty() || chain.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("TLS needs a private key and at least one certificate");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    PrivateKey key() {
        return key;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    /** The certificate the emulator presents: the first of its chain. */
    X509Certificate certificate() {
        return chain.get(0);
    }

    /** A factory of trust managers that trust exactly {@link #certificate()}. */
    TrustManagerFactory trustManagerFactory() {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("querystop-emulator", certificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return factory;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not build a trust manager for the emulator's certificate", e);
        }
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
