package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriEncodingUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "f43ce17b-db01-4d37-a074-c7d5e11a8e1c | f43ce17b-db01-4d37-a074-c7d5e11a8e1c",
        "AZaz09-_.~                           | AZaz09-_.~",
        "a/b                                  | a%2Fb",
        "a?b#c                                | a%3Fb%23c",
        "100%                                 | 100%25",
        "a+b&c=d                              | a%2Bb%26c%3Dd",
        "'x y'                                | x%20y",
        "..                                   | ..",
        "é                                    | %C3%A9",
        "查                                   | %E6%9F%A5",
        "🚀                                   | %F0%9F%9A%80",
    })
    void everyByteOutsideTheUnreservedSetIsEncoded(String raw, String encoded) {
        assertThat(UriEncoding.encodeSegment(raw)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @CsvSource({"'\r\n'", "'\t'"})
    void controlCharactersAreEncoded(String raw) {
        assertThat(UriEncoding.encodeSegment(raw)).matches("(%[0-9A-F]{2})+");
    }
}
