package io.querystop.benchmarks.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.querystop.AwsErrorDetails;
import io.querystop.AwsServiceException;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.Response;
import io.querystop.internal.http.ResponseBody;
import io.querystop.internal.http.ResponseDecoder;
import io.querystop.internal.http.ResponseMapper;
import io.querystop.internal.http.ServiceErrors;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The second half of an attempt, per operation, through the transport's own stages: the body fed to the streaming
 * JSON reader ({@link ResponseBody}) in pieces of {@code chunkSize} bytes as Netty would deliver them (direct
 * buffers), then the decoding stage ({@link ResponseDecoder}); and the same for the service's "not running" error,
 * which goes through the error-parsing stage into an exception. The mapping from JSON to the response record (a few
 * member reads, package-private in each service) is left out.
 */
public class DecodeBenchmark extends BenchmarkSettings {

    @Param
    public Operation operation;

    /** Bytes per piece: 8 (a body dripping in), 64, and 8,192 (the whole body in one piece). */
    @Param({"8", "64", "8192"})
    public int chunkSize;

    private static final ResponseMapper<Object> TREE = body -> body;

    private ResponseDecoder decoder;
    private OperationRequest request;
    private ByteBuf[] answer;
    private ByteBuf[] error;
    private HttpHeaders answerHeaders;
    private HttpHeaders errorHeaders;

    @Setup
    public void setUp() {
        decoder = new ResponseDecoder(new ServiceErrors() {
            @Override
            public String serviceName() {
                return operation.cloudTrail ? "CloudTrail" : "NeptuneData";
            }

            @Override
            public boolean isModeledRetryable(String errorCode) {
                return false;
            }

            @Override
            public AwsServiceException toException(AwsErrorDetails details) {
                return new AwsServiceException(details);
            }
        }, "127.0.0.1:8182");
        request = operation.build.apply(nextId());
        answer = pieces(operation.answer);
        error = pieces(operation.error());
        answerHeaders = operation.answerHeaders();
        errorHeaders = operation.errorHeaders();
    }

    @TearDown
    public void tearDown() {
        for (ByteBuf piece : answer) {
            piece.release();
        }
        for (ByteBuf piece : error) {
            piece.release();
        }
    }

    @Benchmark
    public Object decode() {
        ResponseBody body = new ResponseBody(request.operationName(), 200, 1 << 20, false);
        for (ByteBuf piece : answer) {
            body.feed(piece); // reads without moving the reader index, so the pieces serve every invocation
        }
        return decoder.decode(request, TREE, new Response(200, answerHeaders, body));
    }

    @Benchmark
    public Object decodeError() {
        ResponseBody body = new ResponseBody(request.operationName(), 400, 1 << 20, true);
        for (ByteBuf piece : error) {
            body.feed(piece);
        }
        try {
            return decoder.decode(request, TREE, new Response(400, errorHeaders, body));
        } catch (AwsServiceException expected) {
            return expected;
        }
    }

    private ByteBuf[] pieces(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int count = (bytes.length + chunkSize - 1) / chunkSize;
        ByteBuf[] pieces = new ByteBuf[count];
        for (int i = 0; i < count; i++) {
            int length = Math.min(chunkSize, bytes.length - i * chunkSize);
            pieces[i] = Unpooled.directBuffer(length).writeBytes(bytes, i * chunkSize, length);
        }
        return pieces;
    }
}
