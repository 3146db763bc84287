package io.querystop.internal.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Writes the flat JSON objects of request bodies, leaving absent members out. */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder(128).append('{');
    private boolean first = true;

    /** Adds {@code "name": "value"} unless the value is {@code null}. */
    public JsonWriter member(String name, String value) {
        if (value != null) {
            name(name);
            quote(value);
        }
        return this;
    }

    /** Adds {@code "name": 42} unless the value is {@code null}. */
    public JsonWriter number(String name, Integer value) {
        if (value != null) {
            name(name);
            out.append(value.intValue());
        }
        return this;
    }

    /** Adds an AWS JSON timestamp, {@code "name": 1700000000.123} (epoch seconds), unless it is {@code null}. */
    public JsonWriter epochSeconds(String name, Instant value) {
        if (value != null) {
            name(name);
            BigDecimal seconds = BigDecimal.valueOf(value.getEpochSecond())
                .add(BigDecimal.valueOf(value.getNano(), 9)).stripTrailingZeros();
            out.append(seconds.scale() < 0 ? seconds.setScale(0).toPlainString() : seconds.toPlainString());
        }
        return this;
    }

    public byte[] toUtf8() {
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name);
        out.append(':');
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
