package io.querystop.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as the emulator received it.
 *
 * @param sequence         1 for the emulator's first request, and so on
 * @param method           the HTTP method
 * @param rawPath          the path exactly as on the request line, still percent-encoded
 * @param rawQuery         the query exactly as sent, or {@code null}
 * @param route            the operation it selected
 * @param id               the query or load id, decoded from the path (Neptune) or body (CloudTrail); {@code null}
 *                         when there is none
 * @param headers          every header in order, names as sent
 * @param body             the body bytes (empty when none)
 * @param signatureProblem why the signature was refused, {@code null} when it was valid
 * @param receivedAt       when it arrived, by the emulator's clock
 */
public record RecordedRequest(long sequence, String method, String rawPath, String rawQuery, Route route, String id,
                              List<Map.Entry<String, String>> headers, byte[] body, String signatureProblem,
                              Instant receivedAt) {

    /** The first value of a header, by case-insensitive name, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Every value of a header, by case-insensitive name. */
    public List<String> headerValues(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    public String bodyUtf8() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean signatureValid() {
        return signatureProblem == null;
    }

    /** Leaves out the signature and session token, which must never reach a log. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RecordedRequest[#").append(sequence).append(' ').append(method)
            .append(' ').append(rawPath).append(rawQuery == null ? "" : "?" + rawQuery).append(", route=")
            .append(route).append(", id=").append(id).append(", headers={");
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            String value = name.equalsIgnoreCase("authorization") ? redactSignature(header.getValue())
                : name.equalsIgnoreCase("x-amz-security-token") ? "<redacted>" : header.getValue();
            text.append(name).append(": ").append(value).append("; ");
        }
        return text.append("}, body=").append(body.length).append(" bytes, signature=")
            .append(signatureProblem == null ? "valid" : "refused: " + signatureProblem).append(']').toString();
    }

    private static String redactSignature(String authorization) {
        int at = authorization.indexOf("Signature=");
        return at < 0 ? "<redacted>" : authorization.substring(0, at) + "Signature=<redacted>";
    }
}
