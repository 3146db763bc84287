package io.querystop.internal.signing;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The canonical URI of SigV4 for services other than S3, as aws-sdk-java-v2 computes it: the path normalized as
 * {@code java.net.URI.normalize()} does (RFC 3986 dot segments and repeated slashes), then percent-encoded once
 * more, slashes kept; an empty path is {@code /}.
 */
final class CanonicalUri {

    private CanonicalUri() {
    }

    static void write(Utf8Writer out, String encodedPath) {
        if (isNormalForm(encodedPath)) {
            // what every client path is: normalization would change nothing, so no URI is built
            out.percentEncoded(encodedPath, true);
            return;
        }
        URI uri;
        try {
            uri = new URI("http://h" + encodedPath);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid request path: " + e.getMessage(), e);
        }
        String path = uri.normalize().getRawPath();
        if (path == null || path.isEmpty()) {
            out.ascii('/');
            return;
        }
        int start = out.length();
        out.percentEncoded(path, true);
        if (path.charAt(0) != '/') {
            out.ascii('/');
        }
        // Normalization can leave a trailing slash the request's own (decoded) path does not have: it is dropped.
        int written = out.length() - start;
        if (written > 1 && out.bytes()[out.length() - 1] == '/' && !uri.getPath().endsWith("/")) {
            out.truncate(out.length() - 1);
        }
    }

    /**
     * Whether RFC 3986 normalization would leave this encoded path as it is: it starts with {@code /} and has no
     * empty, {@code .} or {@code ..} segment (a trailing {@code /} is kept by normalization).
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
                if ((segmentLength == 0 && !last)
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
}
