package io.querystop.benchmarks.compare;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.handlers.AsyncHandler;
import com.amazonaws.services.neptunedata.AmazonNeptunedataAsync;
import com.amazonaws.services.neptunedata.AmazonNeptunedataAsyncClientBuilder;
import com.amazonaws.services.neptunedata.model.CancelGremlinQueryRequest;
import com.amazonaws.services.neptunedata.model.CancelGremlinQueryResult;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * AWS SDK for Java v1: the generated {@code AmazonNeptunedataAsync} client, configured as its documentation says for
 * this concurrency (a pool of that many connections, an executor of that many threads, since each call blocks one).
 */
final class SdkV1Driver implements Driver {

    private final int concurrency;
    private final ExecutorService executor;
    private final AmazonNeptunedataAsync neptune;

    SdkV1Driver(String endpoint, int concurrency) {
        this.concurrency = concurrency;
        this.executor = Executors.newFixedThreadPool(concurrency);
        this.neptune = AmazonNeptunedataAsyncClientBuilder.standard()
            .withEndpointConfiguration(new EndpointConfiguration(endpoint, "us-east-1"))
            .withCredentials(new AWSStaticCredentialsProvider(
                new BasicAWSCredentials(Compare.ACCESS_KEY, Compare.SECRET_KEY)))
            .withClientConfiguration(new ClientConfiguration().withMaxConnections(concurrency))
            .withExecutorFactory(() -> executor)
            .build();
    }

    @Override
    public long run(String[] ids, int from, int count, long[] latencies) throws Exception {
        return ClosedLoop.run(ids, from, count, concurrency, latencies, (id, done) ->
            neptune.cancelGremlinQueryAsync(new CancelGremlinQueryRequest().withQueryId(id),
                new AsyncHandler<>() {
                    @Override
                    public void onError(Exception exception) {
                        done.complete(false);
                    }

                    @Override
                    public void onSuccess(CancelGremlinQueryRequest request, CancelGremlinQueryResult result) {
                        done.complete("200 OK".equals(result.getStatus()));
                    }
                }), Duration.ofMinutes(10));
    }

    @Override
    public void close() {
        neptune.shutdown();
        executor.shutdownNow();
    }
}
