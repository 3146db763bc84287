package io.querystop.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutException;
import io.querystop.AwsErrorDetails;
import io.querystop.AttemptObserver;
import io.querystop.AwsServiceException;
import io.querystop.CallOptions;
import io.querystop.CallTimeoutException;
import io.querystop.ConnectTimeoutException;
import io.querystop.ConnectionPoolStats;
import io.querystop.InvalidResponseException;
import io.querystop.PoolAcquireTimeoutException;
import io.querystop.QuerystopException;
import io.querystop.ResponseTimeoutException;
import io.querystop.ResponseTooLargeException;
import io.querystop.RetryPolicy;
import io.querystop.TransportException;
import io.querystop.internal.json.JsonMembers.MemberTypeException;
import io.querystop.internal.retry.ClientRateLimiter;
import io.querystop.internal.retry.RetryQuota;
import io.querystop.internal.retry.SkewAdjustedClock;
import io.querystop.internal.signing.CredentialsCache;
import io.querystop.internal.signing.RequestSigner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The one exchange both services share: for each subscription, take cached credentials, sign, send on the pooled
 * connection, decode the body as it streams in, and map the answer to a response record or a typed exception.
 *
 * <p>Every returned {@code Mono} is lazy and cold. Cancelling it while a call is in flight closes that call's
 * connection instead of returning it to the pool, since the response is unread.
 */
public final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final String USER_AGENT = UserAgent.value();

    private final TransportSettings settings;
    private final Endpoint endpoint;
    private final HttpClient http;
    private final ConnectionProvider ownedProvider;
    private final PoolStatsRecorder poolStats;
    private final RequestSigner signer;
    private final CredentialsCache credentials;
    private final SkewAdjustedClock clock;
    private final RetryPolicy retryPolicy;
    private final RetryQuota retryQuota;
    private final ClientRateLimiter rateLimiter;
    private final ConnectionGate gate;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Clock-skew answers are acted on only when the service's clock is this far from ours (as the AWS SDKs do). */
    private static final Duration SKEW_THRESHOLD = Duration.ofMinutes(4);

    /** The state of one call across its attempts. */
    private static final class Call {
        final RetryPolicy policy;
        final AttemptObserver listener;
        int attempts;
        int retryTokens;
        int skewCorrectedAttempt;
        boolean skewRetried;

        Call(RetryPolicy policy, AttemptObserver listener) {
            this.policy = policy;
            this.listener = listener;
        }
    }

    public HttpTransport(TransportSettings settings) {
        this.settings = settings;
        this.endpoint = settings.endpoint();
        this.clock = new SkewAdjustedClock(settings.clock());
        this.retryPolicy = settings.retryPolicy();
        this.retryQuota = new RetryQuota(retryPolicy.retryQuota());
        this.rateLimiter = retryPolicy.isAdaptive() ? new ClientRateLimiter(System::nanoTime) : null;
        this.gate = new ConnectionGate(settings.pool().maxConnections(), settings.pool().maxPendingAcquires(),
            settings.pool().pendingAcquireTimeout());
        this.signer = new RequestSigner(settings.signingName(), settings.region());
        this.credentials = new CredentialsCache(settings.credentialsProvider(), settings.clock(),
            Schedulers.boundedElastic());
        ConnectionProvider provider = settings.connectionProvider();
        if (provider == null) {
            this.poolStats = new PoolStatsRecorder();
            provider = ownedProvider = ConnectionProvider.builder("querystop-" + settings.signingName())
                .maxConnections(settings.pool().maxConnections())
                .pendingAcquireMaxCount(settings.pool().maxPendingAcquires())
                .pendingAcquireTimeout(settings.pool().pendingAcquireTimeout())
                .maxIdleTime(settings.pool().maxIdleTime())
                .maxLifeTime(settings.pool().maxLifeTime())
                .evictInBackground(settings.pool().maxIdleTime().dividedBy(2))
                .metrics(true, () -> poolStats)
                .build();
        } else {
            this.poolStats = null;
            this.ownedProvider = null;
        }
        HttpClient client = HttpClient.create(provider)
            .protocol(HttpProtocol.HTTP11)
            .keepAlive(true)
            .compress(false)
            .followRedirect(false)
            .disableRetry(true) // attempts are counted and decided in one place, not also inside Reactor Netty
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.timeouts().connect().toMillis())
            .responseTimeout(settings.timeouts().response());
        if (settings.loopResources() != null) {
            client = client.runOn(settings.loopResources());
        }
        if (endpoint.secure()) {
            client = settings.sslContext() == null
                ? client.secure(ssl -> ssl.sslContext(reactor.netty.http.Http11SslContextSpec.forClient())
                    .handshakeTimeout(settings.timeouts().connect()))
                : client.secure(ssl -> ssl.sslContext(settings.sslContext())
                    .handshakeTimeout(settings.timeouts().connect()));
        }
        this.http = client;
    }

    /**
     * One call: lazy, cold, retried as the policy says, and bounded by the call timeout.
     *
     * @param mapper turns a 2xx body into the response record
     */
    public <T> Mono<T> exchange(OperationRequest op, ResponseMapper<T> mapper, CallOptions options) {
        return Mono.defer(() -> {
            if (closed.get()) {
                return Mono.error(new IllegalStateException("the client is closed"));
            }
            Call call = new Call(options.retryPolicy() != null ? options.retryPolicy() : retryPolicy,
                options.attemptObserver());
            Duration callTimeout = options.callTimeout() != null ? options.callTimeout() : settings.timeouts().call();
            return attempts(op, mapper, call)
                .timeout(CallDeadlines.after(callTimeout), Mono.defer(() ->
                    Mono.error(new CallTimeoutException(op.operationName(), callTimeout))))
                .doOnSuccess(response -> retryQuota.release(call.retryTokens > 0 ? call.retryTokens : 1))
                .doOnError(QuerystopException.class, error -> error.recordAttempts(call.attempts));
        });
    }

    /**
     * The attempts of one call. The retry operators are assembled only after a failure, so that a call answered at
     * the first attempt (nearly all) pays nothing for retries it did not need.
     */
    private <T> Mono<T> attempts(OperationRequest op, ResponseMapper<T> mapper, Call call) {
        return Mono.defer(() -> attempt(op, mapper, call))
            .onErrorResume(failure -> nextAttempt(op, call, failure).then(Mono.defer(() -> attempts(op, mapper, call))));
    }

    /** One attempt: wait for the adaptive limiter if it says so, then sign afresh and send. */
    private <T> Mono<T> attempt(OperationRequest op, ResponseMapper<T> mapper, Call call) {
        call.attempts++;
        Mono<T> attempt = credentials.get()
            .flatMap(identity -> gate.enter().flatMap(permit -> send(op, mapper, identity, call)
                // Released before the answer travels on, so that a call started in reaction to it finds it free.
                .doOnSuccess(response -> permit.release())
                .doOnError(error -> permit.release())
                .doOnCancel(permit::release)))
            .onErrorMap(error -> translate(op, error));
        if (call.listener != null) {
            long start = System.nanoTime();
            attempt = attempt.doOnSuccess(response -> call.listener.onAttempt(false, System.nanoTime() - start))
                .doOnError(error -> call.listener.onAttempt(RetryPolicy.isThrottling(error),
                    System.nanoTime() - start));
        }
        if (rateLimiter == null) {
            return attempt;
        }
        attempt = attempt.doOnSuccess(response -> rateLimiter.update(false))
            .doOnError(error -> rateLimiter.update(RetryPolicy.isThrottling(error)));
        Duration wait = rateLimiter.acquire();
        return wait.isZero() ? attempt : Mono.delay(wait).then(attempt);
    }

    /** After a failed attempt: the delay before the next one, or the failure itself to end the call. */
    private Mono<Long> nextAttempt(OperationRequest op, Call call, Throwable failure) {
        if (call.skewCorrectedAttempt == call.attempts && !call.skewRetried) {
            call.skewRetried = true; // the signing clock was just corrected: one more try, outside the policy
            return Mono.just(0L);
        }
        RetryPolicy policy = call.policy;
        if (call.attempts >= policy.maxAttempts() || !policy.isRetryable(failure)) {
            return Mono.error(failure);
        }
        if (!retryQuota.tryAcquire(policy.retryCost())) {
            LOG.debug("{}: retry quota exhausted, not retrying {}", op.operationName(), failure.toString());
            return Mono.error(failure);
        }
        call.retryTokens += policy.retryCost();
        Duration ceiling = policy.backoffCeiling(call.attempts, RetryPolicy.isThrottling(failure));
        long delay = (long) (ThreadLocalRandom.current().nextDouble() * ceiling.toNanos());
        return Mono.delay(Duration.ofNanos(delay));
    }

    private <T> Mono<T> send(OperationRequest op, ResponseMapper<T> mapper, AwsCredentialsIdentity identity,
                             Call call) {
        SdkHttpRequest signed = signedRequest(op, identity);
        String url = endpoint.url(op.encodedPath(), op.encodedQuery());
        return http.request(op.method())
            .uri(url)
            .send((request, out) -> {
                HttpHeaders headers = request.requestHeaders();
                signed.forEachHeader(headers::set);
                headers.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
                if (op.body() == null) {
                    return out;
                }
                headers.setInt(HttpHeaderNames.CONTENT_LENGTH, op.body().length);
                return out.sendByteArray(Mono.just(op.body()));
            })
            .responseConnection((response, connection) -> read(op, mapper, response, connection, call))
            .single();
    }

    /**
     * The request as it goes on the wire, built and signed: the CPU-bound first half of every attempt (public so that
     * the benchmarks can measure it alone).
     */
    public SdkHttpRequest signedRequest(OperationRequest op, AwsCredentialsIdentity identity) {
        return signer.sign(unsignedRequest(op), op.body(), identity, clock);
    }

    private SdkHttpRequest unsignedRequest(OperationRequest op) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
            .method(sdkMethod(op.method()))
            .protocol(endpoint.secure() ? "https" : "http")
            .host(endpoint.host())
            .port(endpoint.port())
            .encodedPath(endpoint.basePath() + op.encodedPath())
            .putHeader("Host", endpoint.hostHeader());
        String[] query = op.rawQuery();
        if (query != null) {
            for (int i = 0; i < query.length; i += 2) {
                request.appendRawQueryParameter(query[i], query[i + 1]);
            }
        }
        if (op.contentType() != null) {
            request.putHeader("Content-Type", op.contentType());
        }
        if (op.amzTarget() != null) {
            request.putHeader("X-Amz-Target", op.amzTarget());
        }
        return request.build();
    }

    /** {@code SdkHttpMethod.fromValue} searches all values on each call; these are the methods the clients use. */
    private static SdkHttpMethod sdkMethod(HttpMethod method) {
        if (method == HttpMethod.DELETE) {
            return SdkHttpMethod.DELETE;
        }
        if (method == HttpMethod.GET) {
            return SdkHttpMethod.GET;
        }
        return method == HttpMethod.POST ? SdkHttpMethod.POST : SdkHttpMethod.fromValue(method.name());
    }

    private <T> Mono<T> read(OperationRequest op, ResponseMapper<T> mapper, HttpClientResponse response,
                             Connection connection, Call call) {
        int status = response.status().code();
        boolean success = status >= 200 && status < 300;
        long declaredLength = declaredLength(response);
        if (declaredLength > settings.maxResponseBytes()) {
            // The body stays unread: close the connection, which also frees what Netty already queued of it.
            connection.dispose();
            return Mono.error(new ResponseTooLargeException(op.operationName(), status, settings.maxResponseBytes()));
        }
        return connection.inbound().receive()
            .reduce(new ResponseBody(op.operationName(), status, settings.maxResponseBytes(), !success),
                ResponseBody::feed)
            .doOnError(ResponseTooLargeException.class, tooLarge -> connection.dispose())
            .handle((body, sink) -> {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} {} -> HTTP {} ({} bytes)", op.operationName(), op.method(), endpoint.hostHeader(),
                        status, body.received());
                }
                try {
                    sink.next(decode(op, mapper, status, response.responseHeaders(), body));
                } catch (AwsServiceException error) {
                    String code = error.errorCode();
                    if (code != null && ErrorClassification.CLOCK_SKEW_CODES.contains(code) && correctClock(response)) {
                        call.skewCorrectedAttempt = call.attempts;
                    }
                    sink.error(error);
                } catch (InvalidResponseException error) {
                    sink.error(error);
                }
            });
    }

    /**
     * A complete body turned into the call's result: the response record for a 2xx, else the service's typed
     * exception, thrown. The CPU-bound second half of every attempt (public so that the benchmarks can measure it).
     *
     * @throws InvalidResponseException when a 2xx body is not the JSON the operation answers
     * @throws AwsServiceException      for any other status
     */
    public <T> T decode(OperationRequest op, ResponseMapper<T> mapper, int status, HttpHeaders headers,
                        ResponseBody body) {
        if (status >= 200 && status < 300) {
            try {
                return mapper.map(body.finish());
            } catch (IOException | MemberTypeException e) {
                throw new InvalidResponseException(op.operationName(), status, e.getMessage(), e);
            }
        }
        throw settings.errors().toException(errorDetails(op, status, headers, body));
    }

    /** Moves the signing clock to the service's {@code Date} when they are more than a few minutes apart. */
    private boolean correctClock(HttpClientResponse response) {
        String date = response.responseHeaders().get(HttpHeaderNames.DATE);
        if (date == null) {
            return false;
        }
        Instant serverTime;
        try {
            serverTime = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return false;
        }
        if (Duration.between(clock.instant(), serverTime).abs().compareTo(SKEW_THRESHOLD) <= 0) {
            return false;
        }
        clock.correctTo(serverTime);
        LOG.debug("signing clock corrected by {} from the service's Date header", clock.offset());
        return true;
    }

    private static long declaredLength(HttpClientResponse response) {
        String value = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private AwsErrorDetails errorDetails(OperationRequest op, int status, HttpHeaders headers, ResponseBody body) {
        JsonNode json = null;
        String unreadable = null;
        try {
            json = body.finish();
            if (json != null && !json.isObject()) {
                json = null;
                unreadable = "a JSON body that is not an object: " + body.snippet();
            }
        } catch (IOException e) {
            String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
            unreadable = "a non-JSON body" + (type == null ? "" : " (" + type + ")") + ": " + body.snippet();
        }
        String code = ErrorClassification.normalizeCode(firstNonBlank(
            headers.get("x-amzn-errortype"), text(json, "code"), text(json, "__type")));
        String message = unreadable != null ? unreadable
            : firstNonBlank(text(json, "detailedMessage"), text(json, "message"), text(json, "Message"));
        String requestId = firstNonBlank(text(json, "requestId"), headers.get("x-amzn-RequestId"));
        ServiceErrors errors = settings.errors();
        boolean throttling = ErrorClassification.isThrottling(status, code);
        boolean retryable = throttling || ErrorClassification.isRetryableStatus(status)
            || (code != null && errors.isModeledRetryable(code));
        return new AwsErrorDetails(errors.serviceName(), op.operationName(), status, code, message, requestId,
            throttling, retryable);
    }

    /** A member read leniently: an error body of unexpected shape must still become an error, never a crash. */
    private static String text(JsonNode json, String member) {
        if (json == null) {
            return null;
        }
        JsonNode value = json.get(member);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private Throwable translate(OperationRequest op, Throwable error) {
        if (error instanceof QuerystopException || error instanceof IllegalArgumentException
            || error instanceof IllegalStateException) {
            return error;
        }
        String operation = op.operationName();
        String host = endpoint.hostHeader();
        if (error instanceof io.netty.channel.ConnectTimeoutException) {
            return new ConnectTimeoutException(operation, host, settings.timeouts().connect(), error);
        }
        if (error instanceof ReadTimeoutException) {
            return new ResponseTimeoutException(operation, host, settings.timeouts().response(), error);
        }
        String type = error.getClass().getSimpleName();
        if (type.equals("PoolAcquireTimeoutException") || error instanceof ConnectionGate.GateTimeoutException) {
            return new PoolAcquireTimeoutException(operation, host, "no pooled connection became free within "
                + settings.pool().pendingAcquireTimeout().toMillis() + " ms", error);
        }
        if (type.equals("PoolAcquirePendingLimitException") || error instanceof ConnectionGate.GateFullException) {
            return new PoolAcquireTimeoutException(operation, host, "too many calls already waiting for a pooled "
                + "connection (limit " + settings.pool().maxPendingAcquires() + ")", error);
        }
        if (error instanceof PrematureCloseException) {
            return new TransportException(operation, host, "the connection closed before the response was complete",
                error);
        }
        if (error instanceof SSLException) {
            return new TransportException(operation, host, "TLS failed: " + error.getMessage(), error, false);
        }
        if (error instanceof ConnectException) {
            return new TransportException(operation, host, "connection refused", error);
        }
        if (error instanceof UnknownHostException) {
            return new TransportException(operation, host, "unknown host", error);
        }
        if (error instanceof IOException) {
            return new TransportException(operation, host, "I/O error: " + error.getMessage(), error);
        }
        return new TransportException(operation, host, "unexpected failure: " + error, error, false);
    }

    /** The pool's live figures, or {@link ConnectionPoolStats#UNKNOWN} for a pool the caller gave. */
    public ConnectionPoolStats poolStats() {
        if (poolStats == null) {
            return ConnectionPoolStats.UNKNOWN;
        }
        ConnectionPoolStats pool = poolStats.stats();
        return new ConnectionPoolStats(pool.active(), pool.idle(), pool.pending() + gate.waiting());
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public String region() {
        return settings.region();
    }

    /** Closes what the client created (its pool, its default credentials provider); nothing it was given. */
    public Mono<Void> closeLater() {
        return Mono.defer(() -> {
            if (!closed.compareAndSet(false, true)) {
                return Mono.empty();
            }
            if (settings.credentialsOwned() && settings.credentialsProvider() instanceof SdkAutoCloseable owned) {
                owned.close();
            }
            return ownedProvider == null ? Mono.empty() : ownedProvider.disposeLater();
        });
    }

    @Override
    public void close() {
        closeLater().subscribe();
    }
}
