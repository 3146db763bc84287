package io.querystop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.testing.SigV4TestSuite;
import io.querystop.testing.SigV4TestSuite.Case;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The emulator's own SigV4 check, written independently of the SDK, against the official suite's literal values. */
class SigV4VerifierUnitTests {

    static Stream<Case> cases() {
        // post-sts-header-after adds the token after signing, which the emulator (like the services) refuses.
        return SigV4TestSuite.cases().filter(c -> !c.name().endsWith("post-sts-header-after"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalRequestAndStringToSignMatchTheVector(Case vector) {
        String creq = SigV4Verifier.canonicalRequest(vector.method(), vector.rawPath(), vector.rawQuery(),
            vector.headers(), vector.signedHeaders(), SigV4Verifier.sha256Hex(vector.body()));
        assertThat(creq).isEqualTo(vector.canonicalRequest());
        assertThat(SigV4Verifier.stringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", creq))
            .isEqualTo(vector.stringToSign());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theVectorsSignatureIsAcceptedAndATamperedOneRefused(Case vector) {
        SigV4Verifier verifier = new SigV4Verifier(SigV4TestSuite.ACCESS_KEY_ID, SigV4TestSuite.SECRET_ACCESS_KEY,
            vector.header("X-Amz-Security-Token"), SigV4TestSuite.REGION, Duration.ofMinutes(5));
        List<Map.Entry<String, String>> headers = new ArrayList<>(vector.headers());
        headers.add(Map.entry("Authorization", vector.authorization()));

        assertThat(verifier.verify(vector.method(), vector.rawPath(), vector.rawQuery(), headers, vector.body(),
            SigV4TestSuite.SIGNING_TIME, SigV4TestSuite.SERVICE).problem()).isNull();

        String tampered = vector.authorization().substring(0, vector.authorization().length() - 1)
            + (vector.authorization().endsWith("0") ? "1" : "0");
        headers.set(headers.size() - 1, Map.entry("Authorization", tampered));
        assertThat(verifier.verify(vector.method(), vector.rawPath(), vector.rawQuery(), headers, vector.body(),
            SigV4TestSuite.SIGNING_TIME, SigV4TestSuite.SERVICE).problem()).contains("signature");
    }

    @Test
    void aSigningTimeOffByMoreThanFiveMinutesIsClockSkew() {
        Case vector = SigV4TestSuite.cases().filter(c -> c.name().equals("get-vanilla")).findFirst().orElseThrow();
        SigV4Verifier verifier = new SigV4Verifier(SigV4TestSuite.ACCESS_KEY_ID, SigV4TestSuite.SECRET_ACCESS_KEY,
            null, SigV4TestSuite.REGION, Duration.ofMinutes(5));
        List<Map.Entry<String, String>> headers = new ArrayList<>(vector.headers());
        headers.add(Map.entry("Authorization", vector.authorization()));

        SigV4Verifier.Result result = verifier.verify("GET", "/", null, headers, new byte[0],
            SigV4TestSuite.SIGNING_TIME.plus(Duration.ofMinutes(6)), SigV4TestSuite.SERVICE);

        assertThat(result.clockSkew()).isTrue();
        assertThat(result.problem()).startsWith("Signature expired");
    }
}
