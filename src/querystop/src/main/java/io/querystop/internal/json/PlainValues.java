package io.querystop.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON tree (a Smithy document) into plain, immutable Java values, so that no JSON library's type reaches the
 * public API: objects become {@code Map<String, Object>} (member order kept), arrays {@code List<Object>}, strings
 * {@code String}, {@code true}/{@code false} {@code Boolean}, JSON {@code null} {@code null}; integers {@code Long}
 * ({@code BigInteger} beyond 64 bits), other numbers {@code Double} ({@code BigDecimal} beyond a double's range).
 */
public final class PlainValues {

    private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);

    private PlainValues() {
    }

    /** The plain value of a tree; {@code null} for {@code null} or JSON {@code null}. */
    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                map.put(member.getKey(), of(member.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(of(element));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            BigDecimal exact = node.decimalValue();
            return exact.abs().compareTo(DOUBLE_MAX) > 0 ? exact : (Object) exact.doubleValue();
        }
        // Binary and POJO nodes never come out of the reader; keep their text rather than fail.
        return node.asText();
    }

    /** A value of the tree that must be an object, as a map; {@code null} when absent. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(JsonNode object, String member) {
        JsonNode value = JsonMembers.child(object, member);
        return value == null ? null : (Map<String, Object>) of(value);
    }
}
