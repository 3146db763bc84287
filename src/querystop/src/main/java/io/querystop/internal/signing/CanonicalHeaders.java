package io.querystop.internal.signing;

import java.util.Locale;

/**
 * The canonical headers and signed-headers list of SigV4, as aws-sdk-java-v2 builds them: names lower-cased, headers
 * whose names differ only in case merged (values joined by {@code ,} in the order given), sorted by name; values
 * trimmed and each run of whitespace made one space. Hop-by-hop and proxy-changed headers are not signed, the same
 * ones the SDK leaves out. Reused per thread: {@link #collect} starts over.
 */
final class CanonicalHeaders {

    private static final String[] NOT_SIGNED =
        {"connection", "x-amzn-trace-id", "user-agent", "expect", "transfer-encoding", "x-forwarded-for"};

    private String[] names = new String[16];
    private String[] values = new String[16];
    private int count;

    /** Takes the request's headers and the ones the signer adds ({@code securityToken} may be {@code null}). */
    void collect(String[] headers, String amzDate, String securityToken, String contentSha256) {
        count = 0;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            String name = headers[i].toLowerCase(Locale.ENGLISH);
            if (isSigned(name)) {
                add(name, headers[i + 1]);
            }
        }
        if (securityToken != null) {
            add("x-amz-security-token", securityToken);
        }
        add("x-amz-date", amzDate);
        add("x-amz-content-sha256", contentSha256);
        // stable insertion sort: values of one name stay in the order given
        for (int i = 1; i < count; i++) {
            String name = names[i];
            String value = values[i];
            int j = i - 1;
            while (j >= 0 && names[j].compareTo(name) > 0) {
                names[j + 1] = names[j];
                values[j + 1] = values[j];
                j--;
            }
            names[j + 1] = name;
            values[j + 1] = value;
        }
    }

    /** {@code name:value[,value]\n} per header, sorted. */
    void writeCanonical(Utf8Writer out) {
        for (int i = 0; i < count; i++) {
            boolean sameName = i > 0 && names[i].equals(names[i - 1]);
            if (sameName) {
                out.ascii(',');
            } else {
                if (i > 0) {
                    out.ascii('\n');
                }
                out.text(names[i]).ascii(':');
            }
            writeTrimmed(out, values[i]);
        }
        out.ascii('\n');
    }

    /** The names, sorted, joined by {@code ;}. */
    void writeSigned(Utf8Writer out) {
        for (int i = 0; i < count; i++) {
            if (i == 0 || !names[i].equals(names[i - 1])) {
                if (i > 0) {
                    out.ascii(';');
                }
                out.text(names[i]);
            }
        }
    }

    /** The same list as {@link #writeSigned}, for the Authorization header. */
    void appendSigned(StringBuilder out) {
        for (int i = 0; i < count; i++) {
            if (i == 0 || !names[i].equals(names[i - 1])) {
                if (i > 0) {
                    out.append(';');
                }
                out.append(names[i]);
            }
        }
    }

    private void add(String name, String value) {
        if (count == names.length) {
            names = java.util.Arrays.copyOf(names, count * 2);
            values = java.util.Arrays.copyOf(values, count * 2);
        }
        names[count] = name;
        values[count] = value;
        count++;
    }

    private static boolean isSigned(String lowerCaseName) {
        for (String ignored : NOT_SIGNED) {
            if (ignored.equals(lowerCaseName)) {
                return false;
            }
        }
        return true;
    }

    /** The value without leading or trailing whitespace, each inner run of whitespace written as one space. */
    static void writeTrimmed(Utf8Writer out, String value) {
        if (value == null) {
            return;
        }
        int length = value.length();
        int i = 0;
        boolean first = true;
        while (i < length) {
            while (i < length && isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i == length) {
                return;
            }
            int wordStart = i;
            while (i < length && !isWhitespace(value.charAt(i))) {
                i++;
            }
            if (!first) {
                out.ascii(' ');
            }
            out.text(value, wordStart, i);
            first = false;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }
}
