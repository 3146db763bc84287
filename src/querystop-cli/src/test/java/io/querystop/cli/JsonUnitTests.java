package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CLI writes trees with a bare generator (no ObjectMapper at start-up): byte for byte what the mapper wrote. */
class JsonUnitTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void everyKindOfNodeIsWrittenAsTheMapperWritesIt() throws Exception {
        Random random = new Random(20261123L);
        for (int i = 0; i < 1_000; i++) {
            JsonNode tree = object(random, 3);
            assertThat(compact(tree)).as("tree %d", i).isEqualTo(MAPPER.writeValueAsString(tree));
        }
    }

    @Test
    void aResponseIsPrettyPrintedAsTheAwsCliPrintsIt() {
        assertThat(Json.pretty(Json.response(new CancelGremlinQueryResponse("200 OK"))))
            .isEqualTo("{\n    \"status\": \"200 OK\"\n}");
    }

    private static String compact(JsonNode tree) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.FACTORY.createGenerator(text)) {
            Json.write(json, tree);
        }
        return text.toString();
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
            object.set(text(random), value(random, depth - 1));
        }
        return object;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 12 : 10);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(new BigInteger(100, random));
            case 4 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 5 -> NODES.numberNode(random.nextFloat());
            case 6 -> NODES.numberNode(new BigDecimal(random.nextInt()).movePointLeft(random.nextInt(8)));
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> NODES.nullNode();
            case 9 -> NODES.numberNode((short) random.nextInt());
            case 10 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int elements = random.nextInt(4);
                for (int i = 0; i < elements; i++) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
        };
    }

    private static String text(Random random) {
        String alphabet = "ab\"\\/\n\t\u0001é漢😀 ";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt(alphabet.codePointCount(0,
                alphabet.length()))]);
        }
        return text.toString();
    }
}
