package io.querystop.internal.http;

import io.querystop.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a client sends its requests: scheme, host, port, an optional base path kept in front of every operation path,
 * and the {@code Host} header value that is both signed and sent.
 */
public record Endpoint(boolean secure, String host, int port, String basePath, String hostHeader, String baseUrl) {

    /**
     * Parses and checks an endpoint given by the user. Failures name the field {@code endpoint}.
     *
     * @param value e.g. {@code https://my-cluster.cluster-abc.us-east-1.neptune.amazonaws.com:8182}
     */
    public static Endpoint parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("endpoint", "must be set, e.g. https://my-cluster.cluster-abc.us-east-1"
                + ".neptune.amazonaws.com:8182");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("endpoint", "is not a valid URL: " + e.getMessage(), e);
        }
        return of(uri);
    }

    public static Endpoint of(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new InvalidInputException("endpoint", "must start with https:// or http://, was " + uri);
        }
        if (uri.getHost() == null) {
            throw new InvalidInputException("endpoint", "has no host: " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("endpoint", "must not carry user information");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("endpoint", "must not have a query or fragment: " + uri);
        }
        boolean secure = scheme.equals("https");
        int defaultPort = secure ? 443 : 80;
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        String host = uri.getHost();
        String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        if (basePath.contains("/./") || basePath.contains("/../") || basePath.endsWith("/.") || basePath.endsWith("/..")) {
            throw new InvalidInputException("endpoint", "path must not contain '.' or '..' segments: " + uri);
        }
        String hostHeader = port == defaultPort ? host : host + ":" + port;
        String baseUrl = scheme + "://" + hostHeader + basePath;
        return new Endpoint(secure, host, port, basePath, hostHeader, baseUrl);
    }

    /** The request target of an operation path (which starts with {@code /}) and an optional encoded query. */
    public String target(String encodedPath, String encodedQuery) {
        return encodedQuery == null ? basePath + encodedPath : basePath + encodedPath + '?' + encodedQuery;
    }

    /** The host to connect to: an IPv6 literal without the brackets it has in a URL. */
    public String socketHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return baseUrl;
    }
}
