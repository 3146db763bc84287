package io.querystop.internal.signing;

import java.util.function.BiConsumer;

/**
 * A request as it goes on the wire: the unsigned request's headers plus the ones SigV4 adds. Its {@code toString}
 * shows neither the session token nor the signature.
 *
 * @param securityToken {@code X-Amz-Security-Token}, or {@code null} for credentials without a session
 * @param authorization {@code Authorization}, or {@code null} for anonymous credentials (nothing is signed)
 */
public record SignedRequest(SigV4Request request, String amzDate, String securityToken, String contentSha256,
                            String authorization) {

    /** Every header to send, the request's own first, in the order aws-sdk-java-v2's signer adds its own. */
    public void forEachHeader(BiConsumer<String, String> consumer) {
        String[] headers = request.headers();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            consumer.accept(headers[i], headers[i + 1]);
        }
        if (securityToken != null) {
            consumer.accept("X-Amz-Security-Token", securityToken);
        }
        if (amzDate != null) {
            consumer.accept("X-Amz-Date", amzDate);
        }
        if (contentSha256 != null) {
            consumer.accept("x-amz-content-sha256", contentSha256);
        }
        if (authorization != null) {
            consumer.accept("Authorization", authorization);
        }
    }

    /** The first header of this name (any case), or {@code null}. */
    public String header(String name) {
        String[] found = new String[1];
        forEachHeader((key, value) -> {
            if (found[0] == null && key.equalsIgnoreCase(name)) {
                found[0] = value;
            }
        });
        return found[0];
    }

    @Override
    public String toString() {
        return "SignedRequest[" + request.method() + " " + request.encodedPath() + ", X-Amz-Date=" + amzDate + "]";
    }
}
