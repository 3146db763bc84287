package io.querystop.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.querystop.testing.SigV4TestSuite;
import io.querystop.testing.SigV4TestSuite.Case;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Runs the official SigV4 test suite through {@link RequestSigner}, the signing path every client request takes, and
 * checks the canonical request it hashes and the Authorization header it produces.
 *
 * <p>querystop's signer, like aws-sdk-java-v2's {@code AwsV4HttpSigner}, always adds and signs
 * {@code x-amz-content-sha256} (the payload hash), which the vectors predate. So the expected canonical request is
 * the vector's with exactly that header added; the string to sign must then keep the vector's first three lines, and
 * the expected signature is computed here with plain JCE HMAC. {@code normalize-path/get-space} (a raw space in the
 * path) runs too: the SDK refused to build a URI from it, querystop's signer encodes it as the vector says. The vectors' literal signatures are checked by the emulator's independent verifier
 * ({@code SigV4VerifierUnitTests}).
 */
class SigV4TestSuiteTests {

    /** Cases that do not apply to this client, with the reason. */
    static final Map<String, String> SKIPPED = Map.of(
        "post-sts-token/post-sts-header-after",
        "adds the session token after signing; this client always signs x-amz-security-token");

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
        List<String> query = new ArrayList<>();
        if (vector.rawQuery() != null) {
            for (String pair : vector.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.add(decode(eq < 0 ? pair : pair.substring(0, eq)));
                query.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Set<String> setBySigner = Set.of("x-amz-date", "x-amz-security-token");
        List<String> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : vector.headers()) {
            if (!setBySigner.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                headers.add(header.getKey());
                headers.add(header.getValue());
            }
        }
        SigV4Request request = new SigV4Request(vector.method(), vector.rawPath(),
            query.isEmpty() ? null : query.toArray(String[]::new), headers.toArray(String[]::new),
            vector.body().length == 0 ? null : vector.body());
        RequestSigner signer = new RequestSigner(SigV4TestSuite.SERVICE, SigV4TestSuite.REGION);
        Clock clock = Clock.fixed(SigV4TestSuite.SIGNING_TIME, ZoneOffset.UTC);

        SignedRequest signed = signer.sign(request, credentials, clock);

        String expectedCanonicalRequest = vector.canonicalRequestWithContentSha256();
        assertThat(signer.canonicalRequest(request, credentials, clock)).isEqualTo(expectedCanonicalRequest);
        String stringToSign = Case.stringToSign(expectedCanonicalRequest);
        assertThat(stringToSign.substring(0, stringToSign.lastIndexOf('\n')))
            .isEqualTo(vector.stringToSign().substring(0, vector.stringToSign().lastIndexOf('\n')));
        assertThat(signed.authorization()).isEqualTo(Case.authorization(expectedCanonicalRequest));
        assertThat(signed.contentSha256())
            .isEqualTo(vector.canonicalRequest().substring(vector.canonicalRequest().lastIndexOf('\n') + 1));
        assertThat(signed.amzDate()).isEqualTo("20150830T123600Z");
        assertThat(signed.securityToken()).isEqualTo(token);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
