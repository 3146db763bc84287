package io.querystop.neptunedata;

import io.querystop.neptunedata.errors.InvalidParameterException;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.querystop.internal.http.ResponseBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response body, split at every possible byte boundary (into two pieces, into three, one byte at a time, and as
 * a composite buffer), decodes to the same record as the whole body.
 */
class ResponseSplitDecodingUnitTests {

    static Stream<Arguments> bodies() {
        Function<JsonNode, Object> gremlin = NeptuneDataResponses::cancelGremlinQuery;
        Function<JsonNode, Object> openCypher = NeptuneDataResponses::cancelOpenCypherQuery;
        Function<JsonNode, Object> loader = NeptuneDataResponses::cancelLoaderJob;
        Function<JsonNode, Object> status = NeptuneDataResponses::getOpenCypherQueryStatus;
        Function<JsonNode, Object> tree = node -> node;
        return Stream.of(
            Arguments.of("cancel gremlin", "{\"status\":\"200 OK\"}", gremlin),
            Arguments.of("cancel openCypher", " {\n  \"status\" : \"200 OK\",\n  \"payload\" : true\n}\n", openCypher),
            Arguments.of("cancel loader", "{\"status\":\"200 OK\",\"unknown\":{\"deep\":[1,2,{\"x\":null}]}}", loader),
            Arguments.of("empty loader body", "", loader),
            Arguments.of("status with unicode and escapes", "{\"queryId\":\"q-é-查询-🚀\",\"queryString\":"
                + "\"MATCH (n {name: \\\"O\\u2019Brien\\\\\\n\\\"}) RETURN n\",\"queryEvalStats\":{\"waited\":0,"
                + "\"elapsed\":2147483647,\"cancelled\":false,\"subqueries\":{\"a\":[1.5e3,-2,true,\"ß\"],"
                + "\"n\":12345678901234567890}}}", status),
            Arguments.of("neptune error", "{\"requestId\":\"0f1e-42\",\"code\":\"InvalidParameterException\","
                + "\"detailedMessage\":\"Supplied queryId ü is invalid\"}", tree),
            Arguments.of("cloudtrail error", "{\"__type\":\"com.amazonaws.cloudtrail.v20131101#"
                + "QueryIdNotFoundException\",\"Message\":\"The query ID does not exist\"}", tree));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void everySplitDecodesToTheSameResult(String name, String body, Function<JsonNode, Object> mapper)
        throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Object whole = mapper.apply(decode(List.of(bytes)));
        if (!body.isBlank()) {
            assertThat(whole).isNotNull();
        }
        for (int i = 0; i <= bytes.length; i++) {
            assertThat(mapper.apply(decode(List.of(slice(bytes, 0, i), slice(bytes, i, bytes.length)))))
                .as("split at %d", i).isEqualTo(whole);
        }
        for (int i = 0; i <= bytes.length; i++) {
            for (int j = i; j <= bytes.length; j++) {
                assertThat(mapper.apply(decode(List.of(slice(bytes, 0, i), slice(bytes, i, j),
                    slice(bytes, j, bytes.length))))).as("split at %d and %d", i, j).isEqualTo(whole);
            }
        }
        List<byte[]> single = new java.util.ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            single.add(slice(bytes, i, i + 1));
        }
        assertThat(mapper.apply(decode(single))).as("one byte at a time").isEqualTo(whole);
        assertThat(mapper.apply(decodeComposite(bytes))).as("composite buffer").isEqualTo(whole);
    }

    @Test
    void aMultiByteCharacterSplitAcrossPiecesSurvives() throws IOException {
        byte[] bytes = "{\"status\":\"🚀\"}".getBytes(StandardCharsets.UTF_8);
        int rocket = "{\"status\":\"".length();
        for (int cut = rocket + 1; cut < rocket + 4; cut++) {
            JsonNode node = decode(List.of(slice(bytes, 0, cut), slice(bytes, cut, bytes.length)));
            assertThat(NeptuneDataResponses.cancelGremlinQuery(node).status()).isEqualTo("🚀");
        }
    }

    @Test
    void truncatedAndTrailingContentAreRefusedAtEverySplit() {
        for (String bad : List.of("{\"status\":\"200 OK\"", "{\"status\":\"200 OK\"} {}", "{\"status\":}")) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i <= bytes.length; i++) {
                List<byte[]> pieces = List.of(slice(bytes, 0, i), slice(bytes, i, bytes.length));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> decode(pieces))
                    .as("%s split at %d", bad, i).isInstanceOf(IOException.class);
            }
        }
    }

    private static JsonNode decode(List<byte[]> pieces) throws IOException {
        ResponseBody body = new ResponseBody("Test", 200, 1 << 20, false);
        for (byte[] piece : pieces) {
            ByteBuf buf = Unpooled.copiedBuffer(piece);
            try {
                body.feed(buf);
            } finally {
                buf.release();
            }
        }
        return body.finish();
    }

    private static JsonNode decodeComposite(byte[] bytes) throws IOException {
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        for (int i = 0; i < bytes.length; i += 7) {
            composite.addComponent(true, Unpooled.copiedBuffer(slice(bytes, i, Math.min(bytes.length, i + 7))));
        }
        ResponseBody body = new ResponseBody("Test", 200, 1 << 20, false);
        try {
            body.feed(composite);
        } finally {
            composite.release();
        }
        return body.finish();
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }
}
