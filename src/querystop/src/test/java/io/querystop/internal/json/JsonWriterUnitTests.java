package io.querystop.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonWriterUnitTests {

    @Test
    void absentMembersAreLeftOutAndStringsAreEscaped() throws Exception {
        String tricky = "q\"uo\\te\n\t\u0001\u2028é🚀";
        byte[] json = new JsonWriter().member("A", null).member("B", tricky).member("C", "c").toUtf8();

        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"B\":").endsWith(",\"C\":\"c\"}");
        assertThat(new ObjectMapper().readTree(json).get("B").asText()).isEqualTo(tricky);
        assertThat(new JsonWriter().toUtf8()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }
}
