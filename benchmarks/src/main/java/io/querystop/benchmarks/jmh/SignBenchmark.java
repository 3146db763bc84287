package io.querystop.benchmarks.jmh;

import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.cloudtrail.CloudTrailLayers;
import io.querystop.internal.http.HttpTransport;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.NeptuneDataLayers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import io.querystop.internal.http.OperationRequest;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The first half of an attempt, per operation: the request record with its validation, the operation's path or JSON
 * body, the unsigned request, and SigV4 through the SDK's {@code AwsV4HttpSigner}. No I/O.
 */
public class SignBenchmark extends BenchmarkSettings {

    @Param
    public Operation operation;

    private NeptuneDataClient neptune;
    private CloudTrailClient cloudTrail;
    private HttpTransport transport;
    private SdkHttpRequest unsigned;
    private ContentStreamProvider payload;

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    @Setup
    public void setUp() {
        // Nothing is sent: the endpoint only shapes the Host header and the signature.
        neptune = neptune("https://db-neptune-1.cluster-abc123.us-east-1.neptune.amazonaws.com:8182", 64);
        cloudTrail = cloudTrail("https://cloudtrail.us-east-1.amazonaws.com");
        transport = operation.cloudTrail ? CloudTrailLayers.transport(cloudTrail) : NeptuneDataLayers.transport(neptune);
        SdkHttpRequest signed = transport.signedRequest(operation.build.apply(nextId()), CREDENTIALS);
        OperationRequest op = operation.build.apply(nextId());
        unsigned = signed.toBuilder().removeHeader("Authorization").removeHeader("X-Amz-Date")
            .removeHeader("x-amz-content-sha256").build();
        payload = op.body() == null ? null : ContentStreamProvider.fromByteArray(op.body());
    }

    @TearDown
    public void tearDown() {
        neptune.close();
        cloudTrail.close();
    }

    @Benchmark
    public SdkHttpRequest buildAndSign() {
        return transport.signedRequest(operation.build.apply(nextId()), CREDENTIALS);
    }

    /**
     * The SDK's {@code AwsV4HttpSigner} alone, given a ready unsigned request: how much of {@link #buildAndSign} is
     * the signer's own (the library keeps it, see the README).
     */
    @Benchmark
    public SdkHttpRequest sdkSignerOnly() {
        return SIGNER.sign(r -> r.identity(CREDENTIALS)
                .request(unsigned)
                .payload(payload)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, operation.cloudTrail ? "cloudtrail" : "neptune-db")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false))
            .request();
    }
}
