package io.querystop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.querystop.internal.http.ResponseBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes a body split at every byte boundary (two pieces, three pieces, one byte at a time, a composite buffer) and
 * asserts that every split maps to the same record as the whole body, through the library's streaming decoder.
 */
public final class SplitBodies {

    private SplitBodies() {
    }

    /** @return the record of the whole body, after every split was checked against it */
    public static Object assertEverySplitMapsAlike(String body, Function<JsonNode, Object> mapper) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Object whole = mapper.apply(decode(List.of(bytes)));
        for (int i = 0; i <= bytes.length; i++) {
            assertThat(mapper.apply(decode(List.of(slice(bytes, 0, i), slice(bytes, i, bytes.length)))))
                .as("split at %d", i).isEqualTo(whole);
        }
        for (int i = 0; i <= bytes.length; i += 3) {
            for (int j = i; j <= bytes.length; j += 2) {
                assertThat(mapper.apply(decode(List.of(slice(bytes, 0, i), slice(bytes, i, j),
                    slice(bytes, j, bytes.length))))).as("split at %d and %d", i, j).isEqualTo(whole);
            }
        }
        List<byte[]> single = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            single.add(slice(bytes, i, i + 1));
        }
        assertThat(mapper.apply(decode(single))).as("one byte at a time").isEqualTo(whole);
        assertThat(mapper.apply(decodeComposite(bytes))).as("composite buffer").isEqualTo(whole);
        return whole;
    }

    private static JsonNode decode(List<byte[]> pieces) {
        ResponseBody body = new ResponseBody("Test", 200, 1 << 20, false);
        for (byte[] piece : pieces) {
            ByteBuf buf = Unpooled.copiedBuffer(piece);
            try {
                body.feed(buf);
            } finally {
                buf.release();
            }
        }
        return finish(body);
    }

    private static JsonNode decodeComposite(byte[] bytes) {
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
        return finish(body);
    }

    private static JsonNode finish(ResponseBody body) {
        try {
            return body.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }
}
