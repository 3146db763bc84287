package io.querystop.benchmarks.compare;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The AWS SDK for Java v2 building blocks wired by hand, as close to a generated v2 NeptuneData client as Maven Central
 * allows (that jar is not published): its Netty client ({@code NettyNioAsyncHttpClient}), its SigV4 signer
 * ({@code AwsV4HttpSigner}) and its JSON parser ({@code JsonNodeParser}). A generated client does all this plus
 * interceptors, endpoint rules, retries and metrics, so this is a floor under v2's cost, not its whole cost.
 */
final class SdkV2Driver implements Driver {

    private static final SdkHttpContentPublisher NO_BODY = new SdkHttpContentPublisher() {
        @Override
        public Optional<Long> contentLength() {
            return Optional.of(0L);
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onComplete();
        }
    };

    private final int concurrency;
    private final SdkAsyncHttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity credentials =
        AwsCredentialsIdentity.create(Compare.ACCESS_KEY, Compare.SECRET_KEY);
    private final JsonNodeParser json = JsonNodeParser.create();
    private final String host;
    private final int port;
    private final String hostHeader;

    SdkV2Driver(String endpoint, int concurrency) {
        this.concurrency = concurrency;
        URI uri = URI.create(endpoint);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.hostHeader = host + ":" + port;
        this.http = NettyNioAsyncHttpClient.builder().maxConcurrency(concurrency).build();
    }

    @Override
    public long run(String[] ids, int from, int count, long[] latencies) throws Exception {
        return ClosedLoop.run(ids, from, count, concurrency, latencies, this::cancel, Duration.ofMinutes(10));
    }

    @Override
    public void close() {
        http.close();
    }

    private void cancel(String id, ClosedLoop.Done done) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
            .method(SdkHttpMethod.DELETE)
            .protocol("http")
            .host(host)
            .port(port)
            .encodedPath("/gremlin/status/" + SdkHttpUtils.urlEncode(id))
            .putHeader("Host", hostHeader)
            .build();
        SdkHttpRequest signed = signer.sign(r -> r.identity(credentials)
                .request(unsigned)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "neptune-db")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
        http.execute(AsyncExecuteRequest.builder()
            .request(signed)
            .requestContentPublisher(NO_BODY)
            .responseHandler(new Response(done))
            .build());
    }

    /** Collects the body, then reads {@code status} from it as a v2 JSON unmarshaller would. */
    private final class Response implements SdkAsyncHttpResponseHandler, Subscriber<ByteBuffer> {
        private final ClosedLoop.Done done;
        private final AtomicBoolean completed = new AtomicBoolean();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        private int status;

        Response(ClosedLoop.Done done) {
            this.done = done;
        }

        @Override
        public void onHeaders(SdkHttpResponse headers) {
            status = headers.statusCode();
        }

        @Override
        public void onStream(org.reactivestreams.Publisher<ByteBuffer> stream) {
            stream.subscribe(this);
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer piece) {
            byte[] bytes = new byte[piece.remaining()];
            piece.get(bytes);
            body.write(bytes, 0, bytes.length);
        }

        @Override
        public void onComplete() {
            boolean cancelled = false;
            if (status == 200) {
                JsonNode answer = json.parse(body.toByteArray());
                JsonNode statusMember = answer.isObject() ? answer.asObject().get("status") : null;
                cancelled = statusMember != null && "200 OK".equals(statusMember.text());
            }
            finish(cancelled);
        }

        @Override
        public void onError(Throwable error) {
            finish(false);
        }

        private void finish(boolean cancelled) {
            if (completed.compareAndSet(false, true)) {
                done.complete(cancelled);
            }
        }
    }
}
