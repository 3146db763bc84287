package io.querystop.internal.http;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of URL path segments, as the services' REST bindings require. */
public final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /**
     * Encodes every byte of the value's UTF-8 form except the RFC 3986 unreserved set {@code A-Z a-z 0-9 - _ . ~},
     * so that {@code /}, {@code ?}, {@code #}, {@code %}, spaces and CR/LF can neither change the route nor reach a
     * header.
     */
    public static String encodeSegment(String value) {
        int i = 0;
        while (i < value.length() && isUnreserved(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value; // the common case, a UUID: nothing to copy
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length * 3);
        for (byte b : utf8) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
