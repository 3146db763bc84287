package io.querystop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The official AWS SigV4 test suite (src/test/resources/sigv4-testsuite, Apache-2.0, see its NOTICE): each case's
 * request and its expected canonical request, string to sign and Authorization header.
 */
public final class SigV4TestSuite {

    public static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public static final String REGION = "us-east-1";
    public static final String SERVICE = "service";
    public static final Instant SIGNING_TIME = Instant.parse("2015-08-30T12:36:00Z");

    /** One case: the parsed {@code .req} and the expected {@code .creq}, {@code .sts} and {@code .authz}. */
    public record Case(String name, String method, String rawPath, String rawQuery,
                       List<Map.Entry<String, String>> headers, byte[] body, String canonicalRequest,
                       String stringToSign, String authorization) {

        public String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        }

        /** The headers the case's Authorization header says were signed. */
        public List<String> signedHeaders() {
            String list = authorization.substring(authorization.indexOf("SignedHeaders=") + 14);
            return List.of(list.substring(0, list.indexOf(',')).split(";"));
        }

        /**
         * The expected canonical request when the signer also signs {@code x-amz-content-sha256} (as aws-sdk-java-v2's
         * {@code AwsV4HttpSigner} always does): the vector's canonical request with that one header added in order.
         */
        public String canonicalRequestWithContentSha256() {
            List<String> lines = new ArrayList<>(List.of(canonicalRequest.split("\n", -1)));
            String payloadHash = lines.get(lines.size() - 1);
            int blank = lines.indexOf("");
            if (blank < 3) {
                blank = lines.subList(3, lines.size()).indexOf("") + 3;
            }
            List<String> headerLines = new ArrayList<>(lines.subList(3, blank));
            headerLines.add("x-amz-content-sha256:" + payloadHash);
            headerLines.sort(java.util.Comparator.comparing(line -> line.substring(0, line.indexOf(':'))));
            List<String> signed = new ArrayList<>(List.of(lines.get(blank + 1).split(";")));
            signed.add("x-amz-content-sha256");
            java.util.Collections.sort(signed);
            List<String> result = new ArrayList<>(lines.subList(0, 3));
            result.addAll(headerLines);
            result.add("");
            result.add(String.join(";", signed));
            result.add(payloadHash);
            return String.join("\n", result);
        }

        /** The string to sign over a canonical request, for this suite's date and scope. */
        public static String stringToSign(String canonicalRequest) {
            return "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        }

        /** The Authorization header for a canonical request, computed here with plain JCE HMAC-SHA256. */
        public static String authorization(String canonicalRequest) {
            byte[] key = hmac(("AWS4" + SECRET_ACCESS_KEY).getBytes(StandardCharsets.UTF_8), "20150830");
            key = hmac(hmac(hmac(key, REGION), SERVICE), "aws4_request");
            String[] lines = canonicalRequest.split("\n");
            return "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=" + lines[lines.length - 2] + ", Signature="
                + hex(hmac(key, stringToSign(canonicalRequest)));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private SigV4TestSuite() {
    }

    public static Stream<Case> cases() {
        try {
            Path root = Path.of(SigV4TestSuite.class.getResource("/sigv4-testsuite").toURI());
            List<Case> cases = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path req : files.filter(p -> p.toString().endsWith(".req")).sorted().toList()) {
                    cases.add(parse(root, req));
                }
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case parse(Path root, Path req) throws IOException {
        String base = req.getFileName().toString().replace(".req", "");
        Path dir = req.getParent();
        String text = Files.readString(req, StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        byte[] body = blank < 0 ? new byte[0] : text.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
        String[] lines = head.split("\n");
        String[] requestLine = lines[0].split(" ");
        String target = lines[0].substring(requestLine[0].length() + 1, lines[0].lastIndexOf(" HTTP/"));
        int question = target.indexOf('?');
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ") || line.startsWith("\t")) { // an obs-folded continuation of the last value
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                headers.add(Map.entry(last.getKey(), last.getValue() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1)));
        }
        String creq = read(dir, base + ".creq");
        int token = creq.indexOf("\nx-amz-security-token:");
        if (token >= 0 && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("X-Amz-Security-Token"))) {
            // get-vanilla-with-session-token carries its token only in the expected canonical request
            int end = creq.indexOf('\n', token + 1);
            headers.add(Map.entry("X-Amz-Security-Token", creq.substring(token + 22, end)));
        }
        return new Case(root.relativize(dir).toString(), requestLine[0],
            question < 0 ? target : target.substring(0, question), question < 0 ? null : target.substring(question + 1),
            List.copyOf(headers), body, creq, read(dir, base + ".sts"), read(dir, base + ".authz"));
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8).replace("\r\n", "\n").stripTrailing();
    }
}
