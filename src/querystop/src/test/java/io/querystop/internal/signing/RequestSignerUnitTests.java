package io.querystop.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.internal.http.UriEncoding;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

/**
 * The signer skips the SDK's path normalization for paths already in normal form. These tests hold that shortcut to
 * its promise: same signature as the SDK's default, and normalization kept for every path it would change.
 */
class RequestSignerUnitTests {

    private static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("AKIDEXAMPLE", "secret-key");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"/", "/gremlin/status/abc", "/a/b/", "/a/.../b", "/a/b.", "/a/.b", "/a/..b",
        "/a/%2E%2E/b", "/base/loader/%2F"})
    void pathsNormalizationLeavesAloneAreInNormalForm(String path) {
        assertThat(RequestSigner.isNormalForm(path)).isTrue();
        assertThat(URI.create("http://h" + path).normalize().getRawPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "//", "/a//b", "/./a", "/a/.", "/a/..", "/a/../b", "/a/./b", "/..", "/."})
    void pathsNormalizationWouldChangeAreNot(String path) {
        assertThat(RequestSigner.isNormalForm(path)).isFalse();
    }

    @Test
    void signaturesMatchTheSdkDefaultForEveryClientPath() {
        RequestSigner signer = new RequestSigner("neptune-db", "us-east-1");
        Random random = new Random(20261122);
        List<String> paths = new ArrayList<>(List.of("/gremlin/status/4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f",
            "/loader/" + UriEncoding.encodeSegment("a/b ?#%&é漢"), "/base/path/opencypher/status/x.y"));
        for (int i = 0; i < 200; i++) {
            StringBuilder id = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int c = 0; c < length; c++) {
                id.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5F) : 0xA0 + random.nextInt(0x2000)));
            }
            paths.add("/opencypher/status/" + UriEncoding.encodeSegment(id.toString()));
        }
        for (String path : paths) {
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.DELETE).protocol("https")
                .host("db.example.com").port(8182).encodedPath(path).putHeader("Host", "db.example.com:8182").build();
            String ours = signer.sign(request, null, CREDENTIALS, CLOCK).firstMatchingHeader("Authorization")
                .orElseThrow();
            String sdkDefault = AwsV4HttpSigner.create().sign(r -> r.identity(CREDENTIALS).request(request)
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "neptune-db")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK))
                .request().firstMatchingHeader("Authorization").orElseThrow();
            assertThat(ours).as(path).isEqualTo(sdkDefault);
        }
    }
}
