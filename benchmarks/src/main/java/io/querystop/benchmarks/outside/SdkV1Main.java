package io.querystop.benchmarks.outside;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.handlers.AsyncHandler;
import com.amazonaws.services.neptunedata.AmazonNeptunedata;
import com.amazonaws.services.neptunedata.AmazonNeptunedataAsync;
import com.amazonaws.services.neptunedata.AmazonNeptunedataAsyncClientBuilder;
import com.amazonaws.services.neptunedata.AmazonNeptunedataClientBuilder;
import com.amazonaws.services.neptunedata.model.CancelGremlinQueryRequest;
import com.amazonaws.services.neptunedata.model.CancelGremlinQueryResult;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A user's whole program on the AWS SDK for Java v1 (1.12.797): one id with the synchronous client; a file of ids
 * with the asynchronous one, {@code concurrency} calls in flight on as many connections and executor threads (each
 * call blocks one), each completion starting the next id. Credentials and region from the environment, as the v1
 * default chains read them.
 */
public final class SdkV1Main {

    private SdkV1Main() {
    }

    public static void main(String[] args) throws Exception {
        ClientArgs run = ClientArgs.parse(args);
        EndpointConfiguration endpoint = new EndpointConfiguration(run.endpoint(), System.getenv("AWS_REGION"));
        AWSStaticCredentialsProvider credentials = new AWSStaticCredentialsProvider(new BasicAWSCredentials(
            System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY")));
        if (run.ids().size() == 1) {
            AmazonNeptunedata neptune = AmazonNeptunedataClientBuilder.standard().withEndpointConfiguration(endpoint)
                .withCredentials(credentials).build();
            CancelGremlinQueryResult result = neptune.cancelGremlinQuery(
                new CancelGremlinQueryRequest().withQueryId(run.ids().get(0)));
            System.out.println(result.getStatus());
            neptune.shutdown();
            System.exit(ClientArgs.report("200 OK".equals(result.getStatus()) ? 1 : 0, 1));
        }
        ExecutorService executor = Executors.newFixedThreadPool(run.concurrency());
        AmazonNeptunedataAsync neptune = AmazonNeptunedataAsyncClientBuilder.standard()
            .withEndpointConfiguration(endpoint).withCredentials(credentials)
            .withClientConfiguration(new ClientConfiguration().withMaxConnections(run.concurrency()))
            .withExecutorFactory(() -> executor).build();
        List<String> ids = run.ids();
        AtomicInteger next = new AtomicInteger();
        LongAdder cancelled = new LongAdder();
        CountDownLatch done = new CountDownLatch(ids.size());
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int i = next.getAndIncrement();
            if (i < ids.size()) {
                neptune.cancelGremlinQueryAsync(new CancelGremlinQueryRequest().withQueryId(ids.get(i)),
                    new AsyncHandler<>() {
                        @Override
                        public void onError(Exception exception) {
                            done.countDown();
                            launch[0].run();
                        }

                        @Override
                        public void onSuccess(CancelGremlinQueryRequest request, CancelGremlinQueryResult result) {
                            if ("200 OK".equals(result.getStatus())) {
                                cancelled.increment();
                            }
                            done.countDown();
                            launch[0].run();
                        }
                    });
            }
        };
        for (int i = 0; i < run.concurrency(); i++) {
            launch[0].run();
        }
        done.await();
        neptune.shutdown();
        executor.shutdownNow();
        System.exit(ClientArgs.report(cancelled.sum(), ids.size()));
    }
}
