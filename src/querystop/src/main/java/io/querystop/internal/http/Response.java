package io.querystop.internal.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * One answer as the sending stage read it: status, headers, and the body already fed through the streaming JSON
 * reader (no buffer is left to release).
 */
public record Response(int status, HttpHeaders headers, ResponseBody body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
