package io.querystop.emulator;

import java.util.HashMap;
import java.util.Map;

/** The decoded parameters of a request's query string, read as Neptune reads them. */
final class QueryParameters {

    /** A parameter Neptune would refuse; its message is the 400's. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    private QueryParameters(String rawQuery) {
        if (rawQuery == null) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                values.putIfAbsent(SigV4Verifier.percentDecode(eq < 0 ? pair : pair.substring(0, eq)),
                    eq < 0 ? "" : SigV4Verifier.percentDecode(pair.substring(eq + 1)));
            }
        }
    }

    static QueryParameters parse(String rawQuery) {
        return new QueryParameters(rawQuery);
    }

    /** {@code true} or {@code false} in any case, as Neptune's flags are documented ({@code TRUE}/{@code FALSE}). */
    boolean flag(String name, boolean absent) throws Invalid {
        String value = values.get(name);
        if (value == null) {
            return absent;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new Invalid("Invalid value for " + name + ": " + value + " (expected true or false)");
    }

    /** An integer within {@code min..max}. */
    int integer(String name, int absent, int min, int max) throws Invalid {
        String value = values.get(name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // the same answer as out of range
        }
        throw new Invalid("Invalid value for " + name + ": " + value + " (expected an integer from " + min
            + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ")");
    }
}
