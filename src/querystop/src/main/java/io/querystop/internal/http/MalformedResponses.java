package io.querystop.internal.http;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpObjectDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import javax.net.ssl.SSLException;

/**
 * Recognises and describes the failures of Netty's HTTP response decoder. Reactor Netty hands on the decoder's cause
 * as is: a {@link DecoderException} for limits, but a plain {@link IllegalArgumentException} (or
 * {@link NumberFormatException}) for a malformed status line or chunk size, which only the decoder's frame on its
 * stack tells apart from the library's own input errors.
 */
final class MalformedResponses {

    private static final String DECODER = HttpObjectDecoder.class.getName();

    private MalformedResponses() {
    }

    static boolean isDecodeFailure(Throwable error) {
        if (error instanceof DecoderException) {
            return !(error.getCause() instanceof SSLException);
        }
        if (error instanceof IllegalArgumentException) {
            for (StackTraceElement frame : error.getStackTrace()) {
                if (frame.getClassName().startsWith(DECODER)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String describe(Throwable error) {
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (error instanceof TooLongHttpHeaderException) {
            return "oversized response headers (" + detail + ")";
        }
        if (error instanceof TooLongHttpLineException) {
            return "over-long status line (" + detail + ")";
        }
        if (error instanceof NumberFormatException) {
            return "bad chunked encoding or length (" + detail + ")";
        }
        return "malformed HTTP response (" + detail + ")";
    }
}
