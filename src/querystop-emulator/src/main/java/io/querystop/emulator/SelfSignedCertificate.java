package io.querystop.emulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a fresh self-signed certificate (EC P-256, SHA256withECDSA) for given host names and IP literals, with the
 * JDK's public APIs alone: the JDK generates the key and signs, and only the certificate's DER structure is written
 * here. BouncyCastle would be a dependency for users' test classpaths, and {@code sun.security.x509} (Netty's
 * fallback) needs {@code --add-exports} on Java 17.
 */
final class SelfSignedCertificate {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    private SelfSignedCertificate() {
    }

    /**
     * @param names DNS names and IP literals the certificate is valid for; the first is also its common name
     * @param now   the start of its validity, less a day for clocks that run behind; it lasts a year
     */
    static TlsIdentity create(List<String> names, Instant now) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one host name");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            serial[0] = (byte) ((serial[0] & 0x7f) | 0x40); // positive, and no leading zero byte to strip
            byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
            byte[] name = sequence(set(sequence(oid(COMMON_NAME), tlv(0x0c, utf8(names.get(0))))));
            byte[] tbs = sequence(
                tlv(0xa0, tlv(0x02, new byte[] {2})), // version 3
                tlv(0x02, serial),
                algorithm,
                name,
                sequence(time(now.minus(Duration.ofDays(1))), time(now.plus(Duration.ofDays(365)))),
                name,
                keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
                tlv(0xa3, sequence(sequence(oid(SUBJECT_ALT_NAME), tlv(0x04, subjectAltNames(names))))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] der = sequence(tbs, algorithm, tlv(0x03, bitString));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
            return new TlsIdentity(keys.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not make a self-signed certificate", e);
        }
    }

    private static byte[] subjectAltNames(List<String> names) {
        byte[][] entries = new byte[names.size()][];
        for (int i = 0; i < entries.length; i++) {
            String name = names.get(i);
            entries[i] = isIpLiteral(name) ? tlv(0x87, ipAddress(name)) : tlv(0x82, dnsName(name));
        }
        return sequence(entries);
    }

    private static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || IPV4.matcher(name).matches();
    }

    private static byte[] ipAddress(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    private static byte[] dnsName(String name) {
        if (name.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("a host name must be non-empty ASCII, was '" + name + "'");
        }
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] time(Instant instant) {
        // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050
        return instant.atZone(ZoneOffset.UTC).getYear() < 2050
            ? tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII))
            : tlv(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int shift = 63 - Long.numberOfLeadingZeros(arc | 1);
            for (int group = shift / 7; group > 0; group--) {
                out.write((int) ((arc >>> (7 * group)) & 0x7f) | 0x80);
            }
            out.write((int) (arc & 0x7f));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, parts);
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, parts);
    }

    /** One DER element: tag, definite length, contents. */
    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream contents = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            contents.writeBytes(part);
        }
        int length = contents.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(contents.toByteArray());
        return out.toByteArray();
    }
}
