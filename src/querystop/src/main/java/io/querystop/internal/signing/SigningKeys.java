package io.querystop.internal.signing;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SigV4 signing key for one region and service, derived (four HMACs) once per secret key and UTC day, not per
 * request. Holds the derived key and the secret it came from, and shows neither: no {@code toString}, nothing logged.
 */
final class SigningKeys {

    private final String region;
    private final String service;
    private volatile Derived current;

    SigningKeys(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /** The key for this secret and day ({@code date} is the day as {@code yyyyMMdd}). */
    SecretKeySpec key(String secretKey, long epochDay, String date, SigningScratch scratch) {
        Derived derived = current;
        if (derived != null && derived.epochDay == epochDay && derived.isFor(secretKey)) {
            return derived.key;
        }
        SecretKeySpec key = derive(secretKey, date, scratch);
        current = new Derived(secretKey, epochDay, key);
        return key;
    }

    private SecretKeySpec derive(String secretKey, String date, SigningScratch scratch) {
        byte[] key = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        key = hmac(scratch, key, date);
        key = hmac(scratch, key, region);
        key = hmac(scratch, key, service);
        key = hmac(scratch, key, "aws4_request");
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] hmac(SigningScratch scratch, byte[] key, String data) {
        Mac mac = scratch.hmac(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A derived key and what it was derived from; deliberately without a toString. */
    private static final class Derived {
        private final String secretKey;
        private final long epochDay;
        private final SecretKeySpec key;

        Derived(String secretKey, long epochDay, SecretKeySpec key) {
            this.secretKey = secretKey;
            this.epochDay = epochDay;
            this.key = key;
        }

        /** The same secret: the same instance (the credentials cache hands out one), else equal in constant time. */
        boolean isFor(String other) {
            if (other == secretKey) {
                return true;
            }
            if (other == null || other.length() != secretKey.length()) {
                return false;
            }
            int difference = 0;
            for (int i = 0; i < other.length(); i++) {
                difference |= other.charAt(i) ^ secretKey.charAt(i);
            }
            return difference == 0;
        }
    }
}
