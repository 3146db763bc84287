package io.querystop.internal.signing;

import io.netty.util.concurrent.FastThreadLocal;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.crypto.Mac;

/**
 * One thread's reusable signing state: a SHA-256 digest, an HMAC-SHA256 (kept initialized with the last key it
 * used), the buffers the canonical request and headers are written into, and the last signing time formatted.
 * Signing never calls out while it holds these, so one per thread is safe without locks; Netty's event loops keep
 * theirs in a {@link FastThreadLocal} slot, other threads in a plain thread-local. Holds no credentials: at most a
 * derived, date-scoped signing key inside the {@code Mac}.
 */
final class SigningScratch {

    private static final FastThreadLocal<SigningScratch> CURRENT = new FastThreadLocal<>() {
        @Override
        protected SigningScratch initialValue() {
            return new SigningScratch();
        }
    };

    final MessageDigest sha256;
    final Mac hmac;
    final Utf8Writer writer = new Utf8Writer(1024);
    final StringBuilder text = new StringBuilder(256);
    final CanonicalHeaders headers = new CanonicalHeaders();
    final byte[] digest = new byte[32];
    private Key hmacKey;
    private long second = Long.MIN_VALUE;
    private String amzDate;
    private String date;

    private SigningScratch() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            hmac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no SHA-256 or HmacSHA256", e);
        }
    }

    static SigningScratch get() {
        return CURRENT.get();
    }

    /** The HMAC, initialized with {@code key} (kept from the last call when it is the same key). */
    Mac hmac(Key key) {
        if (key != hmacKey) {
            try {
                hmac.init(key);
            } catch (java.security.InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
            hmacKey = key;
        }
        return hmac;
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC for the second given; the last one is kept. */
    String amzDate(long epochSecond) {
        format(epochSecond);
        return amzDate;
    }

    /** {@code yyyyMMdd} in UTC for the second given. */
    String date(long epochSecond) {
        format(epochSecond);
        return date;
    }

    private void format(long epochSecond) {
        if (epochSecond == second) {
            return;
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        char[] chars = new char[16];
        digits(chars, 0, time.getYear(), 4);
        digits(chars, 4, time.getMonthValue(), 2);
        digits(chars, 6, time.getDayOfMonth(), 2);
        chars[8] = 'T';
        digits(chars, 9, time.getHour(), 2);
        digits(chars, 11, time.getMinute(), 2);
        digits(chars, 13, time.getSecond(), 2);
        chars[15] = 'Z';
        String newDate = new String(chars, 0, 8);
        date = newDate.equals(date) ? date : newDate;
        amzDate = new String(chars);
        second = epochSecond;
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
