package io.querystop.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.querystop.testing.CapturingLoggerProvider;
import io.querystop.testing.SigV4TestSuite;
import io.querystop.testing.SigV4TestSuite.Case;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Runs the official SigV4 test suite through {@link RequestSigner}, the signing path every client request takes, and
 * checks the canonical request and string to sign the SDK signer computed (read from its debug log) and the
 * Authorization header it produced.
 *
 * <p>aws-sdk-java-v2's {@code AwsV4HttpSigner} always adds and signs {@code x-amz-content-sha256} (the payload hash),
 * which the vectors predate. So the expected canonical request is the vector's with exactly that header added; the
 * string to sign must then keep the vector's first three lines, and the expected signature is computed here with plain
 * JCE HMAC. The vectors' literal signatures are checked by the emulator's independent verifier
 * ({@code SigV4VerifierUnitTests}).
 */
class SigV4TestSuiteTests {

    /** Cases that do not apply to this client, with the reason. */
    static final Map<String, String> SKIPPED = Map.of(
        "post-sts-token/post-sts-header-after",
        "adds the session token after signing; this client always signs x-amz-security-token",
        "normalize-path/get-space",
        "its request line has a raw space in the path, not a valid HTTP request-target: aws-sdk-java-v2 refuses to "
            + "build a URI from it, and this client percent-encodes every id so never sends one");

    static Stream<Case> cases() {
        return SigV4TestSuite.cases();
    }

    @Test
    void theSuiteIsComplete() {
        assertThat(cases().count()).isEqualTo(34);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signingMatchesTheOfficialVector(Case vector) {
        assumeFalse(SKIPPED.containsKey(vector.name()), () -> SKIPPED.get(vector.name()));
        String token = vector.header("X-Amz-Security-Token");
        AwsCredentialsIdentity credentials = token == null
            ? AwsBasicCredentials.create(SigV4TestSuite.ACCESS_KEY_ID, SigV4TestSuite.SECRET_ACCESS_KEY)
            : AwsSessionCredentials.create(SigV4TestSuite.ACCESS_KEY_ID, SigV4TestSuite.SECRET_ACCESS_KEY, token);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(vector.method()))
            .protocol("https")
            .host(vector.header("Host"))
            .encodedPath(vector.rawPath());
        if (vector.rawQuery() != null) {
            for (String pair : vector.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                request.appendRawQueryParameter(decode(eq < 0 ? pair : pair.substring(0, eq)),
                    eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Set<String> setBySigner = Set.of("x-amz-date", "x-amz-security-token");
        for (Map.Entry<String, String> header : vector.headers()) {
            if (!setBySigner.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                request.appendHeader(header.getKey(), header.getValue());
            }
        }
        RequestSigner signer = new RequestSigner(SigV4TestSuite.SERVICE, SigV4TestSuite.REGION);

        SdkHttpRequest signed;
        List<String> log;
        try (CapturingLoggerProvider.Capture capture = CapturingLoggerProvider.capture()) {
            signed = signer.sign(request.build(), vector.body().length == 0 ? null : vector.body(), credentials,
                Clock.fixed(SigV4TestSuite.SIGNING_TIME, ZoneOffset.UTC));
            log = capture.lines();
        }

        String expectedCanonicalRequest = vector.canonicalRequestWithContentSha256();
        assertThat(logged(log, "AWS4 Canonical Request: ")).isEqualTo(expectedCanonicalRequest);
        String stringToSign = logged(log, "AWS4 String to sign: ");
        assertThat(stringToSign).isEqualTo(Case.stringToSign(expectedCanonicalRequest));
        assertThat(stringToSign.substring(0, stringToSign.lastIndexOf('\n')))
            .isEqualTo(vector.stringToSign().substring(0, vector.stringToSign().lastIndexOf('\n')));
        assertThat(signed.firstMatchingHeader("Authorization")).hasValue(Case.authorization(expectedCanonicalRequest));
        assertThat(signed.firstMatchingHeader("x-amz-content-sha256"))
            .hasValue(vector.canonicalRequest().substring(vector.canonicalRequest().lastIndexOf('\n') + 1));
        assertThat(signed.firstMatchingHeader("X-Amz-Date")).hasValue("20150830T123600Z");
        if (token != null) {
            assertThat(signed.firstMatchingHeader("X-Amz-Security-Token")).hasValue(token);
        }
    }

    private static String logged(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.contains(prefix))
            .map(line -> line.substring(line.indexOf(prefix) + prefix.length()))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("the signer logged no '" + prefix + "'"));
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
