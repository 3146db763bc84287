package io.querystop.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reads of a response object's members. A member that is absent or JSON {@code null} reads as {@code null};
 * a member of the wrong type raises {@link MemberTypeException} naming it. Members not asked for are ignored, which
 * is how unknown members are skipped.
 */
public final class JsonMembers {

    private JsonMembers() {
    }

    /** The body as an object, or {@code null} for an empty body; any other JSON value is an error. */
    public static JsonNode object(String what, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new MemberTypeException(what + " must be a JSON object, was " + describe(node));
        }
        return node;
    }

    public static String text(JsonNode object, String member) {
        JsonNode value = present(object, member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(member, "a string", value);
        }
        return value.textValue();
    }

    public static Boolean bool(JsonNode object, String member) {
        JsonNode value = present(object, member);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(member, "a boolean", value);
        }
        return value.booleanValue();
    }

    public static Integer integer(JsonNode object, String member) {
        JsonNode value = present(object, member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(member, "an integer in the 32-bit range", value);
        }
        return value.intValue();
    }

    public static Long longInteger(JsonNode object, String member) {
        JsonNode value = present(object, member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(member, "an integer in the 64-bit range", value);
        }
        return value.longValue();
    }

    /** An AWS JSON timestamp: epoch seconds as a JSON number, its fraction kept (to the nanosecond). */
    public static Instant epochSeconds(JsonNode object, String member) {
        JsonNode value = present(object, member);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw wrongType(member, "a timestamp in epoch seconds", value);
        }
        BigDecimal seconds = value.decimalValue();
        try {
            long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw wrongType(member, "a timestamp in epoch seconds within Instant's range", value);
        }
    }

    /** An array member, each element read by {@code element}; {@code null} when absent. The list is immutable. */
    public static <T> List<T> list(JsonNode object, String member, Function<JsonNode, T> element) {
        JsonNode value = present(object, member);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(member, "an array", value);
        }
        List<T> list = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            list.add(element.apply(item));
        }
        return Collections.unmodifiableList(list);
    }

    /** An array of strings; {@code null} when absent. */
    public static List<String> textList(JsonNode object, String member) {
        return list(object, member, item -> {
            if (!item.isTextual()) {
                throw wrongType(member + "[]", "a string", item);
            }
            return item.textValue();
        });
    }

    /**
     * A map of strings ({@code StringValuedMap}); {@code null} when absent. A number or boolean value is kept as its
     * JSON text, so that a server sending {@code 120000} for {@code "120000"} is still read; the map is immutable.
     */
    public static Map<String, String> textMap(JsonNode object, String member) {
        JsonNode value = child(object, member);
        if (value == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode item = field.getValue();
            if (item.isContainerNode()) {
                throw wrongType(member + "." + field.getKey(), "a string", item);
            }
            map.put(field.getKey(), item.isNull() ? null : item.asText());
        }
        return Collections.unmodifiableMap(map);
    }

    public static JsonNode child(JsonNode object, String member) {
        JsonNode value = present(object, member);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(member, "an object", value);
        }
        return value;
    }

    /** Any JSON value (a Smithy document), {@code null} when absent; JSON {@code null} is kept as a NullNode. */
    public static JsonNode document(JsonNode object, String member) {
        return object == null ? null : object.get(member);
    }

    private static JsonNode present(JsonNode object, String member) {
        if (object == null) {
            return null;
        }
        JsonNode value = object.get(member);
        return value == null || value.isNull() ? null : value;
    }

    private static MemberTypeException wrongType(String member, String expected, JsonNode actual) {
        return new MemberTypeException("member '" + member + "' must be " + expected + ", was " + describe(actual));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A member of a successful response had the wrong JSON type. */
    public static final class MemberTypeException extends RuntimeException {
        public MemberTypeException(String message) {
            super(message, null, false, false);
        }
    }
}
