package io.querystop.internal.signing;

/**
 * A growable byte buffer that text is written to as UTF-8, reused across requests on one thread: the canonical
 * request and the string to sign are hashed from it without a {@code String} or {@code byte[]} per request.
 */
final class Utf8Writer {

    /** Lower-case hex digits, as SigV4 writes hashes and signatures. */
    static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    Utf8Writer(int capacity) {
        bytes = new byte[capacity];
    }

    void reset() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void truncate(int newLength) {
        length = newLength;
    }

    Utf8Writer ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Writes every character as UTF-8; an unpaired surrogate becomes {@code ?}, as {@code String.getBytes} does. */
    Utf8Writer text(CharSequence text, int from, int to) {
        ensure((to - from) * 3);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                int codePoint = surrogatePair(text, i, to);
                if (codePoint < 0) {
                    bytes[length++] = '?';
                } else {
                    i++;
                    bytes[length++] = (byte) (0xF0 | (codePoint >> 18));
                    bytes[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    bytes[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
                }
            } else {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    Utf8Writer text(CharSequence text) {
        return text(text, 0, text.length());
    }

    /**
     * Writes the text percent-encoded as SigV4 encodes URI parts: every UTF-8 byte except {@code A-Z a-z 0-9 - _ . ~}
     * (and {@code /} when {@code keepSlashes}) becomes {@code %XY}, upper-case hex.
     */
    Utf8Writer percentEncoded(CharSequence text, boolean keepSlashes) {
        int start = length;
        text(text, 0, text.length());
        int end = length;
        int escapes = 0;
        for (int i = start; i < end; i++) {
            if (!keep(bytes[i], keepSlashes)) {
                escapes++;
            }
        }
        if (escapes == 0) {
            return this;
        }
        ensure(escapes * 2);
        // expand in place from the back, so the UTF-8 form is not copied elsewhere first
        int write = end + escapes * 2;
        length = write;
        for (int read = end - 1; read >= start; read--) {
            byte b = bytes[read];
            if (keep(b, keepSlashes)) {
                bytes[--write] = b;
            } else {
                bytes[--write] = UPPER_HEX[b & 0xF];
                bytes[--write] = UPPER_HEX[(b >> 4) & 0xF];
                bytes[--write] = '%';
            }
        }
        return this;
    }

    Utf8Writer hex(byte[] data, int from, int to) {
        ensure((to - from) * 2);
        for (int i = from; i < to; i++) {
            bytes[length++] = HEX[(data[i] >> 4) & 0xF];
            bytes[length++] = HEX[data[i] & 0xF];
        }
        return this;
    }

    static boolean keep(byte b, boolean keepSlashes) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
            || b == '-' || b == '_' || b == '.' || b == '~' || (keepSlashes && b == '/');
    }

    private static int surrogatePair(CharSequence text, int i, int to) {
        char high = text.charAt(i);
        if (Character.isHighSurrogate(high) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
            return Character.toCodePoint(high, text.charAt(i + 1));
        }
        return -1;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
