package io.querystop.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

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
