package io.querystop.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The canonical URI skips building a {@code java.net.URI} for paths already in normal form. These tests hold that
 * shortcut to its promise: normalization keeps every such path, and is applied to every path it would change.
 */
class CanonicalUriUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/gremlin/status/abc", "/a/b/", "/a/.../b", "/a/b.", "/a/.b", "/a/..b",
        "/a/%2E%2E/b", "/base/loader/%2F"})
    void pathsNormalizationLeavesAloneAreInNormalForm(String path) {
        assertThat(CanonicalUri.isNormalForm(path)).isTrue();
        assertThat(URI.create("http://h" + path).normalize().getRawPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "//", "/a//b", "/./a", "/a/.", "/a/..", "/a/../b", "/a/./b", "/..", "/."})
    void pathsNormalizationWouldChangeAreNot(String path) {
        assertThat(CanonicalUri.isNormalForm(path)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"/a b%2F/c,/a%2520b%252F/c", "'',/", "/a/./b/../c/,/a/c/", "/a/b/..,/a", "//x//,/x/", "/~-_.,/~-_.",
        "/ሴ,/%E1%88%B4"})
    void pathsAreNormalizedThenEncodedOnceMore(String path, String canonical) {
        Utf8Writer out = new Utf8Writer(4);
        if (path.contains(" ")) {
            path = path.replace(" ", "%20"); // a raw space is no valid path: it arrives encoded
        }
        CanonicalUri.write(out, path);
        assertThat(new String(out.bytes(), 0, out.length(), java.nio.charset.StandardCharsets.US_ASCII))
            .isEqualTo(canonical);
    }
}
