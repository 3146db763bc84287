package io.querystop.internal.signing;

/**
 * What SigV4 signs of a request, in the shape the transport already has it: no URI is parsed and nothing is copied.
 * Headers the signer sets ({@code X-Amz-Date}, {@code X-Amz-Security-Token}, {@code x-amz-content-sha256},
 * {@code Authorization}) must not be among {@code headers}.
 *
 * @param method      the HTTP method, upper case
 * @param encodedPath the path as sent (percent-encoded, starting with {@code /}), or empty for {@code /}
 * @param rawQuery    query parameters as name, value, name, value... (not encoded; a {@code null} value signs as
 *                    empty), or {@code null} for none
 * @param headers     headers as name, value, name, value..., {@code Host} among them, each sent as given
 * @param body        the request body, or {@code null} for none
 */
public record SigV4Request(String method, String encodedPath, String[] rawQuery, String[] headers, byte[] body) {
}
