package io.querystop.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on requests as they arrived, written from the specification and independent of
 * the client's signer, so that a request the client built differently from what it signed is caught. Follows the
 * rules for services other than S3: paths are normalized and encoded once more.
 */
final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final String region;
    private final Duration maxSkew;

    SigV4Verifier(String accessKeyId, String secretAccessKey, String sessionToken, String region, Duration maxSkew) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
        this.region = region;
        this.maxSkew = maxSkew;
    }

    /** What the check found: {@code problem} is {@code null} for a valid signature. */
    record Result(String problem, boolean clockSkew) {
        static final Result VALID = new Result(null, false);

        boolean valid() {
            return problem == null;
        }
    }

    /**
     * @param headers every header as received, in order, names as sent
     */
    Result verify(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                  byte[] body, Instant now, String expectedService) {
        String authorization = firstHeader(headers, "authorization");
        if (authorization == null) {
            return new Result("Missing Authentication Token", false);
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            return new Result("Authorization header must use " + ALGORITHM, false);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = item.substring(0, eq);
            String value = item.substring(eq + 1);
            switch (name) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            return new Result("Authorization header lacks Credential, SignedHeaders or Signature", false);
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            return new Result("malformed credential scope", false);
        }
        if (!scope[0].equals(accessKeyId)) {
            return new Result("The security token included in the request is invalid (unknown access key)", false);
        }
        if (!scope[2].equals(region)) {
            return new Result("Credential should be scoped to a valid region, not '" + scope[2] + "'", false);
        }
        if (!scope[3].equals(expectedService)) {
            return new Result("Credential should be scoped to correct service: '" + expectedService + "'", false);
        }
        String amzDate = firstHeader(headers, "x-amz-date");
        if (amzDate == null) {
            return new Result("missing X-Amz-Date header", false);
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new Result("X-Amz-Date is not yyyyMMddTHHmmssZ", false);
        }
        if (!amzDate.startsWith(scope[1])) {
            return new Result("credential date does not match X-Amz-Date", false);
        }
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            return new Result("Signature expired: " + amzDate + " is now earlier or later than "
                + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " by more than " + maxSkew.toMinutes() + " min.",
                true);
        }
        List<String> signed = List.of(signedHeaders.split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            return new Result("SignedHeaders must include host and x-amz-date", false);
        }
        String token = firstHeader(headers, "x-amz-security-token");
        if (sessionToken != null && !sessionToken.equals(token)) {
            return new Result("The security token included in the request is invalid", false);
        }
        if (token != null && !signed.contains("x-amz-security-token")) {
            return new Result("x-amz-security-token must be signed", false);
        }
        String payloadHash = firstHeader(headers, "x-amz-content-sha256");
        String creq = canonicalRequest(method, rawPath, rawQuery, headers, signed,
            payloadHash != null ? payloadHash : sha256Hex(body));
        String stringToSign = stringToSign(amzDate, scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request", creq);
        String expected = HEX.formatHex(hmac(signingKey(secretAccessKey, scope[1], scope[2], scope[3]),
            stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Result("The request signature we calculated does not match the signature you provided", false);
        }
        return Result.VALID;
    }

    static String canonicalRequest(String method, String rawPath, String rawQuery,
                                   List<Map.Entry<String, String>> headers, List<String> signedHeaders,
                                   String payloadHash) {
        StringBuilder creq = new StringBuilder(256);
        creq.append(method).append('\n');
        creq.append(canonicalUri(rawPath)).append('\n');
        creq.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            creq.append(name).append(':');
            boolean first = true;
            for (Map.Entry<String, String> header : headers) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    if (!first) {
                        creq.append(',');
                    }
                    creq.append(header.getValue().trim().replaceAll("\\s+", " "));
                    first = false;
                }
            }
            creq.append('\n');
        }
        creq.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        return creq.toString();
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
            + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes dot segments and empty segments, then encodes the (already encoded) path once more. */
    static String canonicalUri(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        StringBuilder uri = new StringBuilder(rawPath.length() + 16);
        for (String segment : segments) {
            uri.append('/').append(encode(segment));
        }
        boolean trailingSlash = rawPath.endsWith("/") && !segments.isEmpty();
        if (uri.length() == 0 || trailingSlash) {
            uri.append('/');
        }
        return uri.toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new String[] {encode(percentDecode(name)), encode(percentDecode(value))});
        }
        params.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder query = new StringBuilder();
        for (String[] param : params) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(param[0]).append('=').append(param[1]);
        }
        return query.toString();
    }

    /** Percent-encodes every byte of the UTF-8 form except {@code A-Z a-z 0-9 - _ . ~}. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} escapes as UTF-8; {@code +} stays a plus. Malformed escapes are kept as they are. */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()
                && Character.digit(value.charAt(i + 1), 16) >= 0 && Character.digit(value.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    utf8 = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstHeader(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
