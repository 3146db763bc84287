package io.querystop.internal.signing;

import java.security.MessageDigest;
import java.time.Clock;
import javax.crypto.Mac;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests with AWS Signature Version 4 (headers, payload hashed) for one signing name and region, with exactly
 * the canonical form of aws-sdk-java-v2's {@code AwsV4HttpSigner}: a differential test holds the two to identical
 * signatures. The client and the official test-vector suite both go through {@link #sign}. Credentials are the SDK's
 * identities; the signing key is derived once per secret and day ({@link SigningKeys}). Nothing here logs.
 */
public final class RequestSigner {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final String signingName;
    private final String region;
    private final String scopeSuffix;
    private final SigningKeys keys;

    public RequestSigner(String signingName, String region) {
        this.signingName = signingName;
        this.region = region;
        this.scopeSuffix = "/" + region + "/" + signingName + "/aws4_request";
        this.keys = new SigningKeys(region, signingName);
    }

    /**
     * The headers to send for {@code request} signed with {@code credentials} at the clock's current second.
     *
     * @param clock the signing time's source (a client's clock carries its clock-skew correction)
     */
    public SignedRequest sign(SigV4Request request, AwsCredentialsIdentity credentials, Clock clock) {
        String accessKeyId = trim(credentials.accessKeyId());
        String secretKey = trim(credentials.secretAccessKey());
        if (accessKeyId == null && secretKey == null) {
            return new SignedRequest(request, null, null, null, null); // anonymous: sent unsigned, as the SDK does
        }
        String token = credentials instanceof AwsSessionCredentialsIdentity session ? trim(session.sessionToken())
            : null;
        long epochSecond = Math.floorDiv(clock.millis(), 1000L);
        SigningScratch scratch = SigningScratch.get();
        String amzDate = scratch.amzDate(epochSecond);
        String date = scratch.date(epochSecond);
        String contentSha256 = payloadHash(request.body(), scratch);

        Utf8Writer out = scratch.writer;
        out.reset();
        writeCanonicalRequest(out, request, amzDate, token, contentSha256, scratch);
        MessageDigest sha256 = scratch.sha256;
        sha256.update(out.bytes(), 0, out.length());
        digest(sha256, scratch.digest);

        out.reset();
        out.text(ALGORITHM).ascii('\n').text(amzDate).ascii('\n').text(date).text(scopeSuffix).ascii('\n')
            .hex(scratch.digest, 0, 32);
        Mac hmac = scratch.hmac(keys.key(secretKey, Math.floorDiv(epochSecond, 86_400L), date, scratch));
        hmac.update(out.bytes(), 0, out.length());
        try {
            hmac.doFinal(scratch.digest, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e);
        }

        StringBuilder authorization = scratch.text;
        authorization.setLength(0);
        authorization.append(ALGORITHM).append(" Credential=").append(accessKeyId).append('/').append(date)
            .append(scopeSuffix).append(", SignedHeaders=");
        scratch.headers.appendSigned(authorization);
        authorization.append(", Signature=");
        appendHex(authorization, scratch.digest);
        return new SignedRequest(request, amzDate, token, contentSha256, authorization.toString());
    }

    /** The canonical request this signer hashes, as text: for the test-vector suite. */
    String canonicalRequest(SigV4Request request, AwsCredentialsIdentity credentials, Clock clock) {
        String token = credentials instanceof AwsSessionCredentialsIdentity session ? trim(session.sessionToken())
            : null;
        SigningScratch scratch = SigningScratch.get();
        long epochSecond = Math.floorDiv(clock.millis(), 1000L);
        Utf8Writer out = new Utf8Writer(256);
        writeCanonicalRequest(out, request, scratch.amzDate(epochSecond), token, payloadHash(request.body(), scratch),
            scratch);
        return new String(out.bytes(), 0, out.length(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeCanonicalRequest(Utf8Writer out, SigV4Request request, String amzDate, String token,
                                              String contentSha256, SigningScratch scratch) {
        out.text(request.method()).ascii('\n');
        CanonicalUri.write(out, request.encodedPath());
        out.ascii('\n');
        CanonicalQuery.write(out, request.rawQuery());
        out.ascii('\n');
        CanonicalHeaders headers = scratch.headers;
        headers.collect(request.headers(), amzDate, token, contentSha256);
        headers.writeCanonical(out);
        out.ascii('\n');
        headers.writeSigned(out);
        out.ascii('\n').text(contentSha256);
    }

    private static String payloadHash(byte[] body, SigningScratch scratch) {
        if (body == null || body.length == 0) {
            return EMPTY_SHA256;
        }
        scratch.sha256.update(body);
        digest(scratch.sha256, scratch.digest);
        StringBuilder hex = new StringBuilder(64);
        appendHex(hex, scratch.digest);
        return hex.toString();
    }

    private static void digest(MessageDigest sha256, byte[] into) {
        try {
            sha256.digest(into, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendHex(StringBuilder out, byte[] bytes) {
        for (byte b : bytes) {
            out.append((char) Utf8Writer.HEX[(b >> 4) & 0xF]).append((char) Utf8Writer.HEX[b & 0xF]);
        }
    }

    /** As the SDK sanitizes credentials: surrounding whitespace (and control characters) removed. */
    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    public String signingName() {
        return signingName;
    }

    public String region() {
        return region;
    }
}
