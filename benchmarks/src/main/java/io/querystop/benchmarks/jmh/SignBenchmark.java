package io.querystop.benchmarks.jmh;

import io.querystop.internal.http.Endpoint;
import io.querystop.internal.http.OperationRequest;
import io.querystop.internal.http.RequestBuilder;
import io.querystop.internal.signing.CredentialsCache;
import io.querystop.internal.signing.RequestSigner;
import io.querystop.internal.signing.SigV4Request;
import io.querystop.internal.signing.SignedRequest;
import io.querystop.internal.signing.Signing;
import java.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The first half of an attempt, per operation, through the transport's own stages: the request record with its
 * validation and the operation's wire description, the request-building stage ({@link RequestBuilder}), and the
 * signing stage ({@link Signing}: querystop's own SigV4 signer). No I/O. {@link #sdkSignerOnly} signs the same
 * request with aws-sdk-java-v2's {@code AwsV4HttpSigner}, which the library used before, for comparison.
 */
public class SignBenchmark extends BenchmarkSettings {

    @Param
    public Operation operation;

    private RequestBuilder requests;
    private Signing signing;
    private RequestSigner signer;
    private SigV4Request unsigned;
    private SdkHttpRequest sdkUnsigned;
    private ContentStreamProvider payload;

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    @Setup
    public void setUp() {
        // Nothing is sent: the endpoint only shapes the Host header and the signature.
        Endpoint endpoint = Endpoint.parse(operation.cloudTrail ? "https://cloudtrail.us-east-1.amazonaws.com"
            : "https://db-neptune-1.cluster-abc123.us-east-1.neptune.amazonaws.com:8182");
        requests = new RequestBuilder(endpoint);
        signer = new RequestSigner(operation.signingName(), "us-east-1");
        signing = new Signing(new CredentialsCache(StaticCredentialsProvider.create(CREDENTIALS), Clock.systemUTC(),
            Schedulers.boundedElastic()), signer, Clock.systemUTC());
        OperationRequest op = operation.build.apply(nextId());
        unsigned = requests.build(op);
        SdkHttpRequest.Builder sdk = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(unsigned.method()))
            .protocol(endpoint.secure() ? "https" : "http").host(endpoint.host()).port(endpoint.port())
            .encodedPath(unsigned.encodedPath());
        String[] headers = unsigned.headers();
        for (int i = 0; i < headers.length; i += 2) {
            sdk.putHeader(headers[i], headers[i + 1]);
        }
        sdkUnsigned = sdk.build();
        payload = op.body() == null ? null : ContentStreamProvider.fromByteArray(op.body());
    }

    @Benchmark
    public SignedRequest buildAndSign() {
        OperationRequest op = operation.build.apply(nextId());
        return signing.sign(requests.build(op), CREDENTIALS);
    }

    /** The request-building stage alone (record, wire description, unsigned request). */
    @Benchmark
    public SigV4Request buildOnly() {
        return requests.build(operation.build.apply(nextId()));
    }

    /** querystop's signer alone, given a ready unsigned request. */
    @Benchmark
    public SignedRequest signerOnly() {
        return signer.sign(unsigned, CREDENTIALS, Clock.systemUTC());
    }

    /**
     * aws-sdk-java-v2's {@code AwsV4HttpSigner} alone, given the same ready request, as the library called it before
     * its own signer (path normalization skipped for a path already in normal form).
     */
    @Benchmark
    public SdkHttpRequest sdkSignerOnly() {
        return SIGNER.sign(r -> r.identity(CREDENTIALS)
                .request(sdkUnsigned)
                .payload(payload)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, operation.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false))
            .request();
    }
}
