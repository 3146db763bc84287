package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import io.querystop.emulator.RecordedRequest;
import io.querystop.emulator.Route;
import io.querystop.neptunedata.errors.AccessDeniedException;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.CapturingLoggerProvider;
import io.querystop.testing.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** No secret key, session token or signature reaches an error message, a log line (at any level) or a toString. */
class SecretsIntegrationTests {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzzSECRETzz";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEzzTOKENzzsession";

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension(builder -> builder
        .credentials("AKIDSECRETSTEST", SECRET).sessionToken(TOKEN));

    @Test
    void secretsAppearNowhere() throws Exception {
        Emulator emulator = env.emulator();
        emulator.addGremlinQuery("q-ok");
        emulator.enqueue(Route.CANCEL_LOADER_JOB, Fault.respond(502, "text/html", "<html>bad gateway</html>"));
        List<String> texts = new ArrayList<>();
        try (CapturingLoggerProvider.Capture capture = CapturingLoggerProvider.capture()) {
            NeptuneDataClient neptune = env.neptune();
            NeptuneDataClient wrongSecret = env.neptune(b -> b.credentialsProvider(StaticCredentialsProvider.create(
                AwsSessionCredentials.create("AKIDSECRETSTEST", SECRET + "x", TOKEN))));

            neptune.cancelGremlinQuery("q-ok").as(StepVerifier::create).expectNextCount(1).verifyComplete();
            neptune.cancelGremlinQuery("q-gone").as(StepVerifier::create)
                .expectErrorSatisfies(error -> texts.add(describe(error))).verify();
            neptune.cancelLoaderJob("l").as(StepVerifier::create)
                .expectErrorSatisfies(error -> texts.add(describe(error))).verify();
            wrongSecret.cancelGremlinQuery("q-ok").as(StepVerifier::create)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(AccessDeniedException.class);
                    assertThat(((AccessDeniedException) error).statusCode()).isEqualTo(403);
                    texts.add(describe(error));
                })
                .verify();
            texts.add(neptune.toString());

            // querystop signs with its own signer, which logs nothing: every captured line, at every level, is checked
            texts.addAll(capture.lines());
        }
        assertThat(texts).as("captured log lines and error texts").hasSizeGreaterThan(5);
        RecordedRequest request = emulator.takeRequest();
        assertThat(request.header("X-Amz-Security-Token")).isEqualTo(TOKEN);
        String authorization = request.header("Authorization");
        String signature = authorization.substring(authorization.indexOf("Signature=") + 10);
        texts.add(request.toString());

        for (String text : texts) {
            assertThat(text).doesNotContain(SECRET, TOKEN, signature);
        }
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t).append(" | ");
        }
        return text.toString();
    }
}
