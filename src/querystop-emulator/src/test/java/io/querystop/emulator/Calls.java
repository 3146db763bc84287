package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests to an emulator instance with the JDK's HTTP client, signed with SigV4 for the instance's key pair as a
 * real client signs them (the emulator module does not depend on the library), or unsigned.
 */
final class Calls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    /** A status with its JSON body (or {@code null} when the body is not JSON). */
    record Reply(int status, String body, JsonNode json) {

        /** The error code of a Neptune ({@code code}) or CloudTrail ({@code __type}) error body. */
        String code() {
            return json == null ? null : json.has("code") ? json.get("code").asText() : json.path("__type").asText();
        }

        String message() {
            return json.has("detailedMessage") ? json.get("detailedMessage").asText() : json.path("message").asText();
        }
    }

    private Calls() {
    }

    static Reply get(Emulator emulator, String pathAndQuery) {
        return send(emulator, "GET", pathAndQuery, Map.of(), null, "neptune-db", true);
    }

    static Reply delete(Emulator emulator, String pathAndQuery) {
        return send(emulator, "DELETE", pathAndQuery, Map.of(), null, "neptune-db", true);
    }

    static Reply unsignedGet(Emulator emulator, String pathAndQuery) {
        return send(emulator, "GET", pathAndQuery, Map.of(), null, "neptune-db", false);
    }

    /** A CloudTrail operation, e.g. {@code ListQueries}, with this JSON body. */
    static Reply cloudTrail(Emulator emulator, String operation, String body) {
        return send(emulator, "POST", "/", Map.of("X-Amz-Target", Router.CLOUDTRAIL_TARGET_PREFIX + operation,
            "Content-Type", "application/x-amz-json-1.1"), body, "cloudtrail", true);
    }

    private static Reply send(Emulator emulator, String method, String pathAndQuery, Map<String, String> headers,
                              String body, String signingName, boolean sign) {
        URI uri = URI.create(emulator.endpoint() + pathAndQuery);
        byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(unsigned::putHeader);
        SdkHttpRequest request = unsigned.build();
        if (sign) {
            AwsCredentialsIdentity credentials = emulator.credentialsProvider().resolveIdentity().join();
            request = SIGNER.sign(r -> r.identity(credentials).request(unsigned.build())
                .payload(payload == null ? null : () -> new java.io.ByteArrayInputStream(payload))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, emulator.region())).request();
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
            .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(payload));
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        try {
            HttpResponse<String> response = CLIENT.send(http.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The {@code queryId}s of a listing, in order. */
    static List<String> ids(Reply listing) {
        return listing.json().path("queries").findValuesAsText("queryId");
    }
}
