package io.querystop.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CloudTrail's opaque {@code NextToken}: where the next page starts, bound to the request's filters so that a token
 * used with other filters is refused ({@code InvalidNextTokenException}), as the service does.
 */
record PageToken(String position, int filters) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString((filters + "|" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token names for these filters, or {@code null} when it is not a token for them. */
    static String decode(String token, int filters) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return bar > 0 && text.substring(0, bar).equals(Integer.toString(filters)) ? text.substring(bar + 1)
                : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
