package io.querystop.internal.signing;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests with AWS Signature Version 4 through aws-sdk-java-v2's {@link AwsV4HttpSigner}, for one signing
 * name and region. The client and the official test-vector suite both go through {@link #sign}.
 */
public final class RequestSigner {

    /**
     * aws-sdk-java-v2 logs each canonical request here at DEBUG (aws/aws-sdk-java-v2#5153); for session credentials
     * that includes the {@code x-amz-security-token} header. querystop cannot silence it, so it warns.
     */
    public static final String SDK_SIGNER_LOGGER =
        "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner";

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final String signingName;
    private final String region;

    public RequestSigner(String signingName, String region) {
        this.signingName = signingName;
        this.region = region;
        if (org.slf4j.LoggerFactory.getLogger(SDK_SIGNER_LOGGER).isDebugEnabled()) {
            org.slf4j.LoggerFactory.getLogger(RequestSigner.class).warn("DEBUG logging is on for {}: the AWS SDK "
                + "signer writes every canonical request to the log, session tokens included. Set that logger to "
                + "INFO or above outside of troubleshooting.", SDK_SIGNER_LOGGER);
        }
    }

    /**
     * Returns the request with {@code X-Amz-Date}, {@code Authorization} and, for session credentials,
     * {@code X-Amz-Security-Token} added.
     *
     * @param request an unsigned request whose {@code Host} header is the one that will be sent
     * @param payload the body, or {@code null} for none
     * @param clock   the signing time's source (a client's clock carries its clock-skew correction)
     */
    public SdkHttpRequest sign(SdkHttpRequest request, byte[] payload, AwsCredentialsIdentity credentials,
                               Clock clock) {
        ContentStreamProvider body = payload == null ? null : () -> new ByteArrayInputStream(payload);
        // The SDK normalizes the path through java.net.URI on every request; for a path already in normal form
        // that is an identity, so it is skipped (the canonical request, and so the signature, is the same).
        boolean normalize = !isNormalForm(request.encodedPath());
        return SIGNER.sign(r -> r.identity(credentials)
                .request(request)
                .payload(body)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, normalize))
            .request();
    }

    /**
     * Whether RFC 3986 normalization (what {@code URI.normalize()} does) would leave this encoded path as it is: it
     * starts with {@code /} and has no empty, {@code .} or {@code ..} segment. Every path the clients build is in this
     * form; the official test vectors also have paths that are not.
     */
    static boolean isNormalForm(String encodedPath) {
        if (encodedPath == null || encodedPath.isEmpty() || encodedPath.charAt(0) != '/') {
            return false;
        }
        int length = encodedPath.length();
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            if (i == length || encodedPath.charAt(i) == '/') {
                int segmentLength = i - segmentStart;
                boolean last = i == length;
                if ((segmentLength == 0 && !last) // '//' (a trailing '/' is kept by normalization)
                    || (segmentLength == 1 && encodedPath.charAt(segmentStart) == '.')
                    || (segmentLength == 2 && encodedPath.charAt(segmentStart) == '.'
                        && encodedPath.charAt(segmentStart + 1) == '.')) {
                    return false;
                }
                segmentStart = i + 1;
            }
        }
        return true;
    }

    public String signingName() {
        return signingName;
    }

    public String region() {
        return region;
    }
}
