package io.querystop.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.querystop.ResponseTooLargeException;
import io.querystop.internal.json.JsonTreeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Accumulates one response body as Netty delivers it: counts bytes against the size limit, feeds each piece to the
 * streaming JSON reader, and for error answers keeps the first bytes so that a non-JSON body (a proxy's HTML page)
 * can be described. Each {@link ByteBuf} is fully read inside {@link #feed} and released by Reactor Netty after it.
 */
public final class ResponseBody {

    private static final int SNIPPET_BYTES = 160;

    private final String operationName;
    private final int status;
    private final long limit;
    private final JsonTreeReader json = new JsonTreeReader();
    private final byte[] snippet;
    private int snippetLength;
    private long received;
    private IOException parseFailure;
    private boolean settled;
    private JsonNode value;

    public ResponseBody(String operationName, int status, long limit, boolean keepSnippet) {
        this.operationName = operationName;
        this.status = status;
        this.limit = limit;
        this.snippet = keepSnippet ? new byte[SNIPPET_BYTES] : null;
    }

    public ResponseBody feed(ByteBuf piece) {
        int readable = piece.readableBytes();
        received += readable;
        if (received > limit) {
            throw new ResponseTooLargeException(operationName, status, limit);
        }
        if (snippet != null && snippetLength < SNIPPET_BYTES) {
            int n = Math.min(readable, SNIPPET_BYTES - snippetLength);
            piece.getBytes(piece.readerIndex(), snippet, snippetLength, n);
            snippetLength += n;
        }
        if (parseFailure == null && readable > 0) {
            try {
                if (piece.nioBufferCount() == 1) {
                    json.feed(piece.nioBuffer());
                } else {
                    for (ByteBuffer part : piece.nioBuffers()) {
                        json.feed(part);
                    }
                }
            } catch (IOException | RuntimeException e) {
                parseFailure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
        return this;
    }

    /**
     * Ends the body once (later calls only answer): whether it is one JSON value or empty. The sender asks this
     * before the connection goes back to the pool, so that a connection whose answer was unreadable is closed.
     */
    public boolean settle() {
        if (!settled) {
            settled = true;
            if (parseFailure == null) {
                try {
                    value = json.finish();
                } catch (IOException | RuntimeException e) {
                    parseFailure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
        }
        return parseFailure == null;
    }

    /** The body's JSON value, {@code null} when empty. */
    public JsonNode finish() throws IOException {
        if (!settle()) {
            throw parseFailure;
        }
        return value;
    }

    public long received() {
        return received;
    }

    /** The first bytes of the body as printable text, for describing a body that is not JSON. */
    public String snippet() {
        if (snippet == null || snippetLength == 0) {
            return "";
        }
        String text = new String(snippet, 0, snippetLength, StandardCharsets.UTF_8);
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        String trimmed = clean.toString().replaceAll("\\s+", " ").trim();
        return received > snippetLength ? trimmed + "..." : trimmed;
    }
}
