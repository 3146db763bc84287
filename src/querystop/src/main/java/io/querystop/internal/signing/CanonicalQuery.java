package io.querystop.internal.signing;

/**
 * The canonical query string of SigV4: each parameter's name and value percent-encoded (a {@code null} value as
 * empty, a parameter with an empty name left out), sorted by encoded name, then by encoded value, joined as
 * {@code name=value&...}.
 */
final class CanonicalQuery {

    private CanonicalQuery() {
    }

    static void write(Utf8Writer out, String[] rawQuery) {
        if (rawQuery == null || rawQuery.length == 0) {
            return;
        }
        int pairs = rawQuery.length / 2;
        String[] encoded = new String[pairs * 2];
        int count = 0;
        for (int i = 0; i < pairs; i++) {
            String name = rawQuery[2 * i];
            if (name == null || name.isEmpty()) {
                continue;
            }
            String value = rawQuery[2 * i + 1];
            encoded[2 * count] = encode(name);
            encoded[2 * count + 1] = value == null ? "" : encode(value);
            count++;
        }
        sort(encoded, count);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.ascii('&');
            }
            out.text(encoded[2 * i]).ascii('=').text(encoded[2 * i + 1]);
        }
    }

    private static String encode(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) < 0x80 && Utf8Writer.keep((byte) value.charAt(i), false)) {
            i++;
        }
        if (i == value.length()) {
            return value; // the common case: nothing to encode, nothing to copy
        }
        Utf8Writer writer = new Utf8Writer(value.length() * 9);
        writer.percentEncoded(value, false);
        return new String(writer.bytes(), 0, writer.length(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Insertion sort of (name, value) pairs: queries are a few parameters long. */
    private static void sort(String[] pairs, int count) {
        for (int i = 1; i < count; i++) {
            String name = pairs[2 * i];
            String value = pairs[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && compare(pairs[2 * j], pairs[2 * j + 1], name, value) > 0) {
                pairs[2 * j + 2] = pairs[2 * j];
                pairs[2 * j + 3] = pairs[2 * j + 1];
                j--;
            }
            pairs[2 * j + 2] = name;
            pairs[2 * j + 3] = value;
        }
    }

    private static int compare(String name1, String value1, String name2, String value2) {
        int byName = name1.compareTo(name2);
        return byName != 0 ? byName : value1.compareTo(value2);
    }
}
