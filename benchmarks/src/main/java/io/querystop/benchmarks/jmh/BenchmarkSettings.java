package io.querystop.benchmarks.jmh;

import io.querystop.ConnectionPoolSettings;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.neptunedata.NeptuneDataClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What every benchmark here shares: mode, units, iterations, one fork with a fixed heap, and how clients and ids are
 * made. JMH applies these annotations to each subclass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public abstract class BenchmarkSettings {

    public static final AwsBasicCredentials CREDENTIALS =
        AwsBasicCredentials.create("AKIDEXAMPLEBENCH", "not-a-secret-benchmark-only");

    /** Enough distinct ids that nothing is served from a cache keyed by the last one. */
    private static final String[] IDS = new String[1024];

    static {
        for (int i = 0; i < IDS.length; i++) {
            IDS[i] = String.format("4d3c2b1a-0f9e-4d8c-b7a6-%012d", i);
        }
    }

    private int next;

    /** The next of 1,024 UUID-shaped ids, round robin. */
    protected final String nextId() {
        return IDS[next++ & (IDS.length - 1)];
    }

    protected static NeptuneDataClient neptune(String endpoint, int maxConnections) {
        return NeptuneDataClient.builder().endpoint(endpoint).region("us-east-1")
            .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
            .connectionPool(ConnectionPoolSettings.defaults().withMaxConnections(maxConnections))
            .build();
    }

    protected static CloudTrailClient cloudTrail(String endpoint) {
        return CloudTrailClient.builder().endpointOverride(endpoint).region("us-east-1")
            .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
            .build();
    }
}
