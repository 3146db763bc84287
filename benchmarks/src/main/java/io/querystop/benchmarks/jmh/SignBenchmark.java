package io.querystop.benchmarks.jmh;

import io.querystop.internal.http.Endpoint;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.RequestBuilder;
import io.querystop.internal.signing.CredentialsCache;
import io.querystop.internal.signing.RequestSigner;
import io.querystop.internal.signing.Signing;
import java.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The first half of an attempt, per operation, through the transport's own stages: the request record with its
 * validation and the operation's wire description, the request-building stage ({@link RequestBuilder}), and the
 * signing stage ({@link Signing}: SigV4 through the SDK's {@code AwsV4HttpSigner}). No I/O.
 */
public class SignBenchmark extends BenchmarkSettings {

    @Param
    public Operation operation;

    private RequestBuilder requests;
    private Signing signing;
    private SdkHttpRequest unsigned;
    private ContentStreamProvider payload;

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    @Setup
    public void setUp() {
        // Nothing is sent: the endpoint only shapes the Host header and the signature.
        Endpoint endpoint = Endpoint.parse(operation.cloudTrail ? "https://cloudtrail.us-east-1.amazonaws.com"
            : "https://db-neptune-1.cluster-abc123.us-east-1.neptune.amazonaws.com:8182");
        requests = new RequestBuilder(endpoint);
        signing = new Signing(new CredentialsCache(StaticCredentialsProvider.create(CREDENTIALS), Clock.systemUTC(),
            Schedulers.boundedElastic()), new RequestSigner(operation.signingName(), "us-east-1"), Clock.systemUTC());
        OperationRequest op = operation.build.apply(nextId());
        unsigned = requests.build(op);
        payload = op.body() == null ? null : ContentStreamProvider.fromByteArray(op.body());
    }

    @Benchmark
    public SdkHttpRequest buildAndSign() {
        OperationRequest op = operation.build.apply(nextId());
        return signing.sign(requests.build(op), op.body(), CREDENTIALS);
    }

    /** The request-building stage alone (record, wire description, unsigned request). */
    @Benchmark
    public SdkHttpRequest buildOnly() {
        return requests.build(operation.build.apply(nextId()));
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
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, operation.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false))
            .request();
    }
}
