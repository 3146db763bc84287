package io.querystop.benchmarks.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.querystop.AwsServiceException;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.cloudtrail.CloudTrailLayers;
import io.querystop.internal.http.HttpTransport;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.ResponseBody;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.NeptuneDataLayers;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The second half of an attempt, per operation: the body fed to the streaming JSON reader in pieces of
 * {@code chunkSize} bytes as Netty would deliver them (direct buffers), then read into the response record; and the
 * same for the service's "not running" error, read into its typed exception.
 */
public class DecodeBenchmark extends BenchmarkSettings {

    @Param
    public Operation operation;

    /** Bytes per piece: 8 (a body dripping in), 64, and 8,192 (the whole body in one piece). */
    @Param({"8", "64", "8192"})
    public int chunkSize;

    private NeptuneDataClient neptune;
    private CloudTrailClient cloudTrail;
    private HttpTransport transport;
    private OperationRequest request;
    private ByteBuf[] answer;
    private ByteBuf[] error;
    private HttpHeaders answerHeaders;
    private HttpHeaders errorHeaders;

    @Setup
    public void setUp() {
        neptune = neptune("http://127.0.0.1:8182", 64);
        cloudTrail = cloudTrail("http://127.0.0.1:8182");
        transport = operation.cloudTrail ? CloudTrailLayers.transport(cloudTrail) : NeptuneDataLayers.transport(neptune);
        request = operation.build.apply(nextId());
        answer = pieces(operation.answer);
        error = pieces(operation.error());
        answerHeaders = operation.answerHeaders();
        errorHeaders = operation.errorHeaders();
    }

    @TearDown
    public void tearDown() {
        neptune.close();
        cloudTrail.close();
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
        return transport.decode(request, operation.mapper, 200, answerHeaders, body);
    }

    @Benchmark
    public Object decodeError() {
        ResponseBody body = new ResponseBody(request.operationName(), 400, 1 << 20, true);
        for (ByteBuf piece : error) {
            body.feed(piece);
        }
        try {
            return transport.decode(request, operation.mapper, 400, errorHeaders, body);
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
