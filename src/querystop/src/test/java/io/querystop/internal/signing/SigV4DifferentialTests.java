package io.querystop.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.internal.http.UriEncoding;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * querystop's signer against aws-sdk-java-v2's {@code AwsV4HttpSigner} (its defaults, as the client used it before),
 * on random requests from fixed seeds: every header either emits must be byte-identical in the other. Signers are
 * shared per region and service across the run, so their signing-key cache sees secrets and days change.
 */
class SigV4DifferentialTests {

    /** Requests per seed; the three seeds sign 12,000 requests in all. */
    static final int REQUESTS = 4_000;

    private static final AwsV4HttpSigner SDK = AwsV4HttpSigner.create();
    private static final String[] METHODS = {"GET", "POST", "DELETE", "PUT", "GET", "DELETE", "HEAD", "PATCH"};
    private static final String[] REGIONS = {"us-east-1", "eu-west-3", "ap-southeast-2", "cn-north-1", "us-gov-west-1"};
    private static final String[] SERVICES = {"neptune-db", "cloudtrail", "service", "execute-api", "rds-db"};
    private static final String[] HEADER_NAMES = {"Content-Type", "content-type", "X-Amz-Target", "X-Custom",
        "x-custom", "X-CUSTOM", "Accept", "My-Header1", "my-header2", "User-Agent", "Connection", "Expect",
        "Transfer-Encoding", "X-Forwarded-For", "X-Amzn-Trace-Id", "x-amz-meta-a", "Zeta", "a", "Cache-Control"};
    private static final String PATH_CHARS =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@";
    private static final String TEXT_CHARS = "aZ09-._~ !\"#$%&'()*+,/:;<=>?@[\\]^`{|}\té€漢ሴ\u00a0";

    private final Map<String, RequestSigner> signers = new HashMap<>();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261123L, 1L, 0xC0FFEEL})
    void signaturesAreByteIdenticalToTheSdk(long seed) {
        Random random = new Random(seed);
        List<AwsCredentialsIdentity> credentials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            credentials.add(randomCredentials(random));
        }
        for (int n = 0; n < REQUESTS; n++) {
            String region = pick(random, REGIONS);
            String service = random.nextInt(10) == 0 ? word(random, 1 + random.nextInt(12)) : pick(random, SERVICES);
            AwsCredentialsIdentity identity = random.nextInt(20) == 0 ? randomCredentials(random)
                : credentials.get(random.nextInt(credentials.size()));
            // days across a century; often the same few days, so the key cache both hits and misses
            long second = random.nextBoolean() ? 1_700_000_000L + random.nextInt(4) * 86_400L + random.nextInt(86_400)
                : 946_684_800L + (long) (random.nextDouble() * 3_155_760_000L);
            Clock clock = Clock.fixed(Instant.ofEpochSecond(second, random.nextInt(1_000_000_000)), ZoneOffset.UTC);
            Generated request = randomRequest(random);

            SignedRequest ours = signers.computeIfAbsent(region + " " + service, k -> new RequestSigner(service, region))
                .sign(request.ours, identity, clock);
            SdkHttpRequest sdk = SDK.sign(r -> r.identity(identity)
                    .request(request.sdk)
                    .payload(request.ours.body() == null ? null : ContentStreamProvider.fromByteArray(request.ours.body()))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request();

            String what = "seed " + seed + ", request " + n + ": " + request.sdk.method() + " "
                + request.sdk.encodedPath() + " " + request.sdk.rawQueryParameters() + " " + request.sdk.headers();
            assertThat(headers(ours)).as(what).isEqualTo(headers(sdk));
            assertThat(ours.authorization()).as(what).isNotNull();
        }
    }

    @Test
    void anonymousCredentialsSignNothingAsTheSdkDoes() {
        AwsCredentialsIdentity anonymous = software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()
            .resolveCredentials();
        Generated request = randomRequest(new Random(7));
        Clock clock = Clock.systemUTC();
        SignedRequest ours = new RequestSigner("neptune-db", "us-east-1").sign(request.ours, anonymous, clock);
        SdkHttpRequest sdk = SDK.sign(r -> r.identity(anonymous).request(request.sdk)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "neptune-db")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock))
            .request();
        assertThat(headers(ours)).isEqualTo(headers(sdk));
    }

    /** One random request, in both shapes. */
    private record Generated(SigV4Request ours, SdkHttpRequest sdk) {
    }

    private static Generated randomRequest(Random random) {
        String method = pick(random, METHODS);
        String host = (random.nextBoolean() ? "db-" + word(random, 6) + ".cluster-abc.us-east-1.neptune.amazonaws.com"
            : word(random, 1 + random.nextInt(10)) + ".example") ;
        boolean secure = random.nextBoolean();
        int port = random.nextInt(3) == 0 ? -1 : 1 + random.nextInt(65_535);
        String hostHeader = port == -1 ? host : host + ":" + port;
        String path = randomPath(random);
        SdkHttpRequest.Builder sdk = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
            .protocol(secure ? "https" : "http").host(host).encodedPath(path);
        if (port != -1) {
            sdk.port(port);
        }
        List<String> query = new ArrayList<>();
        int params = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
        for (int i = 0; i < params; i++) {
            String name = random.nextInt(5) == 0 && !query.isEmpty() ? query.get(2 * random.nextInt(query.size() / 2))
                : random.nextInt(12) == 0 ? "" : text(random, 1 + random.nextInt(8));
            String value = random.nextInt(6) == 0 ? "" : random.nextInt(12) == 0 ? null : text(random, random.nextInt(12));
            query.add(name);
            query.add(value);
            sdk.appendRawQueryParameter(name, value);
        }
        List<String> headers = new ArrayList<>(List.of("Host", hostHeader));
        sdk.appendHeader("Host", hostHeader);
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(4) == 0 ? "X-" + word(random, 1 + random.nextInt(8)) : pick(random, HEADER_NAMES);
            String value = headerValue(random);
            headers.add(name);
            headers.add(value);
            sdk.appendHeader(name, value);
        }
        byte[] body = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new byte[0];
            default -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
        SigV4Request ours = new SigV4Request(method, path, query.isEmpty() ? null : query.toArray(String[]::new),
            headers.toArray(String[]::new), body);
        return new Generated(ours, sdk.build());
    }

    /** An encoded path as the clients send them, and sometimes one normalization changes (dot segments, '//'). */
    private static String randomPath(Random random) {
        if (random.nextInt(40) == 0) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        int segments = 1 + random.nextInt(5);
        for (int s = 0; s < segments; s++) {
            path.append('/');
            int kind = random.nextInt(12);
            if (kind == 0) {
                path.append(random.nextBoolean() ? "." : "..");
            } else if (kind == 1) {
                continue; // an empty segment
            } else if (kind <= 4) {
                path.append(UriEncoding.encodeSegment(text(random, 1 + random.nextInt(12))));
            } else {
                int length = 1 + random.nextInt(10);
                for (int i = 0; i < length; i++) {
                    if (random.nextInt(8) == 0) {
                        path.append('%').append(String.format("%02X", random.nextInt(256)));
                    } else {
                        path.append(PATH_CHARS.charAt(random.nextInt(PATH_CHARS.length())));
                    }
                }
            }
        }
        if (random.nextInt(5) == 0) {
            path.append('/');
        }
        return path.toString();
    }

    private static String headerValue(Random random) {
        StringBuilder value = new StringBuilder();
        int words = random.nextInt(5);
        for (int w = 0; w < words; w++) {
            int spaces = random.nextInt(4);
            for (int i = 0; i < spaces; i++) {
                value.append(random.nextInt(3) == 0 ? '\t' : ' ');
            }
            value.append(text(random, 1 + random.nextInt(10)).replace(" ", "").replace("\t", ""));
        }
        if (random.nextBoolean()) {
            value.append("  ");
        }
        return value.toString();
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(30) == 0) {
                text.appendCodePoint(0x1F600 + random.nextInt(50)); // outside the BMP: a surrogate pair
            } else {
                text.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
            }
        }
        return text.toString();
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static AwsCredentialsIdentity randomCredentials(Random random) {
        String keyId = "AKIA" + word(random, 16).toUpperCase(Locale.ROOT);
        StringBuilder secret = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 40; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String padded = random.nextInt(10) == 0 ? " " + secret + "\t" : secret.toString();
        if (random.nextBoolean()) {
            return AwsBasicCredentials.create(keyId, padded);
        }
        StringBuilder token = new StringBuilder("IQoJb3JpZ2luX2Vj");
        for (int i = 0; i < 200 + random.nextInt(400); i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return AwsSessionCredentials.create(keyId, padded, random.nextInt(10) == 0 ? token + "= " : token + "=");
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Every header, names lower-cased, values in order. */
    private static Map<String, List<String>> headers(SignedRequest request) {
        Map<String, List<String>> headers = new TreeMap<>();
        request.forEachHeader((name, value) ->
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value));
        return headers;
    }

    private static Map<String, List<String>> headers(SdkHttpRequest request) {
        Map<String, List<String>> headers = new TreeMap<>();
        request.forEachHeader((name, values) ->
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        return headers;
    }
}
