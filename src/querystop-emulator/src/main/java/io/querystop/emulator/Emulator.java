package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.querystop.emulator.ServiceAnswers.Answer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.TrustManagerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * An in-process Amazon Neptune data API and CloudTrail Lake server on a loopback port, for tests and demos.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.start()) {
 *     emulator.addGremlinQuery("q-1");
 *     NeptuneDataClient neptune = NeptuneDataClient.builder()
 *         .endpoint(emulator.endpoint().toString())
 *         .region(emulator.region())
 *         .credentialsProvider(emulator.credentialsProvider())
 *         .build();
 *     neptune.cancelGremlinQuery("q-1").block();               // {"status":"200 OK"}
 *     RecordedRequest request = emulator.takeRequest();         // DELETE /gremlin/status/q-1
 * }
 * }</pre>
 *
 * <p>It keeps the running queries and loader jobs a test registers and answers as the services do: a cancel of a
 * running one succeeds once, a second cancel or a cancel of an unknown id gets the service's own error. It checks the
 * SigV4 signature of every request against its key pair and answers 403 {@code AccessDeniedException} (or
 * {@code InvalidSignatureException} with a {@code Date} header when the signing time is off by more than five
 * minutes). Faults can be queued per route or decided per request by a {@link FaultPolicy}.
 *
 * <p>It serves plain {@code http} unless the builder turns on TLS; then a client trusts it through
 * {@link #certificate()} or {@link #trustManagerFactory()}:
 *
 * <pre>{@code
 * Emulator emulator = Emulator.builder().selfSignedTls().start();   // https://127.0.0.1:<port>
 * SslContext trust = SslContextBuilder.forClient().trustManager(emulator.certificate()).build();
 * }</pre>
 *
 * <p>For JUnit 5 tests, {@link io.querystop.emulator.junit.EmulatorExtension} starts, injects, resets and closes one.
 */
public final class Emulator implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY_ID = "AKIDQUERYSTOPEMULATOR";
    /** A made-up secret for the emulator's own key pair; it opens nothing anywhere else. */
    public static final String DEFAULT_SECRET_ACCESS_KEY = "querystop-emulator-secret-key-0000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    static final String CLOUDTRAIL_TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.CancelQuery";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final byte[] EMPTY = new byte[0];

    private final Builder settings;
    private final SigV4Verifier verifier;
    private final LoopResources loops;
    private final DisposableServer server;
    private final Map<String, Boolean> gremlinQueries = new ConcurrentHashMap<>();
    private final Map<String, OpenCypherQuery> openCypherQueries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> loaderJobs = new ConcurrentHashMap<>();
    private final Map<String, String> cloudTrailQueries = new ConcurrentHashMap<>();
    private final Map<Route, Queue<Fault>> queuedFaults = new EnumMap<>(Route.class);
    private volatile FaultPolicy faultPolicy;
    private final BlockingQueue<RecordedRequest> recorded;
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder clientAborts = new LongAdder();
    private final java.util.concurrent.atomic.AtomicInteger serving = new java.util.concurrent.atomic.AtomicInteger();
    private final LongAdder throttled = new LongAdder();
    private final java.util.concurrent.atomic.AtomicInteger peakServing = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Duration latency;
    private volatile int capacity;

    private record OpenCypherQuery(String queryString, Instant startedAt, JsonNode subqueries, boolean cancelled) {
    }

    private Emulator(Builder settings) {
        this.settings = settings;
        this.verifier = new SigV4Verifier(settings.accessKeyId, settings.secretAccessKey, settings.sessionToken,
            settings.region, Duration.ofMinutes(5));
        this.recorded = new LinkedBlockingQueue<>(settings.maxRecordedRequests);
        this.latency = settings.latency;
        this.capacity = settings.capacity;
        for (Route route : Route.values()) {
            queuedFaults.put(route, new ConcurrentLinkedQueue<>());
        }
        this.loops = LoopResources.create("querystop-emulator", settings.workerThreads, true);
        HttpServer http = HttpServer.create()
            .bindAddress(() -> new InetSocketAddress(settings.host, settings.port))
            .runOn(loops)
            .handle(this::handle);
        if (settings.idleTimeout != null) {
            http = http.idleTimeout(settings.idleTimeout);
        }
        if (settings.tls != null) {
            TlsIdentity tls = settings.tls;
            http = http.secure(spec -> spec.sslContext(Http11SslContextSpec.forServer(tls.key(), tls.chain())));
        }
        this.server = http.bindNow(Duration.ofSeconds(10));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator on a free loopback port with the default key pair and region. */
    public static Emulator start() {
        return builder().start();
    }

    /** The base URL clients should use, e.g. {@code http://127.0.0.1:38211}, or {@code https://...} with TLS. */
    public URI endpoint() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return URI.create((settings.tls == null ? "http://" : "https://") + host + ":" + port() + settings.basePath);
    }

    /**
     * The certificate this emulator presents over https, for a client to trust, e.g. with Netty's
     * {@code SslContextBuilder.forClient().trustManager(emulator.certificate())}.
     *
     * @throws IllegalStateException if it serves plain http
     */
    public X509Certificate certificate() {
        return tls().certificate();
    }

    /**
     * Trust managers that trust exactly {@link #certificate()}, e.g. for an {@code SSLContext} of the JDK's
     * {@code HttpClient}; a new factory each call.
     *
     * @throws IllegalStateException if it serves plain http
     */
    public TrustManagerFactory trustManagerFactory() {
        return tls().trustManagerFactory();
    }

    private TlsIdentity tls() {
        if (settings.tls == null) {
            throw new IllegalStateException("this emulator serves plain http; Emulator.Builder.selfSignedTls() or "
                + "tls(key, chain) turns on https");
        }
        return settings.tls;
    }

    public int port() {
        return ((InetSocketAddress) server.address()).getPort();
    }

    public String region() {
        return settings.region;
    }

    public String accessKeyId() {
        return settings.accessKeyId;
    }

    /** Credentials that this emulator accepts. */
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(settings.sessionToken == null
            ? AwsBasicCredentials.create(settings.accessKeyId, settings.secretAccessKey)
            : AwsSessionCredentials.create(settings.accessKeyId, settings.secretAccessKey, settings.sessionToken));
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** Registers a running Gremlin query. */
    public Emulator addGremlinQuery(String queryId) {
        gremlinQueries.put(queryId, Boolean.TRUE);
        return this;
    }

    /** Registers a running openCypher query; its status reports {@code subqueries} as {@code 0}. */
    public Emulator addOpenCypherQuery(String queryId, String queryString) {
        return addOpenCypherQuery(queryId, queryString, ServiceAnswers.JSON.getNodeFactory().numberNode(0));
    }

    /** Registers a running openCypher query whose status reports the given {@code subqueries} document. */
    public Emulator addOpenCypherQuery(String queryId, String queryString, JsonNode subqueries) {
        openCypherQueries.put(queryId, new OpenCypherQuery(queryString, settings.clock.instant(), subqueries, false));
        return this;
    }

    /** Registers an active bulk-loader job. */
    public Emulator addLoaderJob(String loadId) {
        loaderJobs.put(loadId, Boolean.TRUE);
        return this;
    }

    /** Registers a CloudTrail Lake query in a status such as {@code RUNNING} or {@code FINISHED}. */
    public Emulator addCloudTrailQuery(String queryId, String status) {
        cloudTrailQueries.put(queryId, status);
        return this;
    }

    /**
     * The state of a query or job, as the emulator keeps it: {@code RUNNING} or {@code CANCELLED} for Gremlin and
     * openCypher queries, {@code LOAD_IN_PROGRESS} or {@code LOAD_CANCELLED_BY_USER} for loader jobs, the query status
     * for CloudTrail; empty for an id never registered.
     */
    public Optional<String> state(Route route, String id) {
        return Optional.ofNullable(switch (route) {
            case CANCEL_GREMLIN_QUERY -> running(gremlinQueries.get(id));
            case CANCEL_OPEN_CYPHER_QUERY, GET_OPEN_CYPHER_QUERY_STATUS -> {
                OpenCypherQuery query = openCypherQueries.get(id);
                yield query == null ? null : query.cancelled() ? "CANCELLED" : "RUNNING";
            }
            case CANCEL_LOADER_JOB -> {
                Boolean active = loaderJobs.get(id);
                yield active == null ? null : active ? "LOAD_IN_PROGRESS" : "LOAD_CANCELLED_BY_USER";
            }
            case CLOUDTRAIL_CANCEL_QUERY -> cloudTrailQueries.get(id);
            case UNKNOWN -> null;
        });
    }

    private static String running(Boolean running) {
        return running == null ? null : running ? "RUNNING" : "CANCELLED";
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /** Queues a fault for the next request on the route; queued faults are used in order, once each. */
    public Emulator enqueue(Route route, Fault fault) {
        queuedFaults.get(route).add(fault);
        return this;
    }

    /** Decides a fault for each request that has none queued; {@code null} removes the policy. */
    public Emulator faultPolicy(FaultPolicy policy) {
        this.faultPolicy = policy;
        return this;
    }

    /** Each answer takes at least this long, as a real service's work does; {@code Duration.ZERO} for none. */
    public Emulator latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /**
     * Answers with the service's throttling error (Neptune: 500 {@code ThrottlingException}; CloudTrail: 400
     * {@code ThrottlingException}) whenever more than {@code capacity} requests are being served at once; 0 turns it
     * off. Works with {@link #latency(Duration)}, which makes requests overlap.
     */
    public Emulator throttleAbove(int capacity) {
        this.capacity = capacity;
        return this;
    }

    /** The most requests served at once, counted while a latency or capacity is set. */
    public int peakConcurrentRequests() {
        return peakServing.get();
    }

    /** Requests answered with a throttling error because the capacity was exceeded. */
    public long throttledCount() {
        return throttled.sum();
    }

    // ---- recorded requests -------------------------------------------------------------------------------------

    /** The oldest recorded request not yet taken, waiting up to 10 seconds; {@code null} if none came. */
    public RecordedRequest takeRequest() throws InterruptedException {
        return takeRequest(Duration.ofSeconds(10));
    }

    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return recorded.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** All requests received, recorded or not. */
    public long requestCount() {
        return sequence.get();
    }

    /** Requests whose connection the client closed before the (delayed or withheld) answer was complete. */
    public long clientAborts() {
        return clientAborts.sum();
    }

    /** Forgets all state, queued faults, the fault policy and recorded requests, and restarts the counters. */
    public void reset() {
        gremlinQueries.clear();
        openCypherQueries.clear();
        loaderJobs.clear();
        cloudTrailQueries.clear();
        queuedFaults.values().forEach(Queue::clear);
        faultPolicy = null;
        recorded.clear();
        sequence.set(0);
        clientAborts.reset();
        throttled.reset();
        peakServing.set(0);
        latency = settings.latency;
        capacity = settings.capacity;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        // the server and its connections are closed already: no quiet period to wait for (Netty's default is 2 s)
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    // ---- serving -----------------------------------------------------------------------------------------------

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray().defaultIfEmpty(EMPTY)
            .flatMap(body -> serve(request, response, body));
    }

    private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response, byte[] body) {
        Instant now = settings.clock.instant();
        String uri = request.uri();
        int question = uri.indexOf('?');
        String rawPath = question < 0 ? uri : uri.substring(0, question);
        String rawQuery = question < 0 ? null : uri.substring(question + 1);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        request.requestHeaders().forEach(header -> headers.add(Map.entry(header.getKey(), header.getValue())));
        String method = request.method().name();

        String localPath = rawPath.startsWith(settings.basePath) ? rawPath.substring(settings.basePath.length())
            : null;
        Route route = localPath == null ? Route.UNKNOWN : route(request.method(), localPath, request);
        String id = idOf(route, localPath, body);
        SigV4Verifier.Result signature = !settings.verifySignatures || route == Route.UNKNOWN
            ? SigV4Verifier.Result.VALID
            : verifier.verify(method, rawPath, rawQuery, headers, body, now, route.signingName());
        RecordedRequest recordedRequest = new RecordedRequest(sequence.incrementAndGet(), method, rawPath, rawQuery,
            route, id, List.copyOf(headers), body, signature.problem(), now);
        recorded.offer(recordedRequest); // beyond maxRecordedRequests: counted by requestCount(), not kept

        Fault fault = queuedFaults.get(route).poll();
        FaultPolicy policy = faultPolicy;
        if (fault == null && policy != null) {
            fault = policy.faultFor(recordedRequest);
        }
        if (fault != null && fault.kind() == Fault.Kind.RESET) {
            response.withConnection(Emulator::resetConnection);
            return Mono.empty();
        }
        if (fault != null && fault.kind() == Fault.Kind.CLOSE) {
            response.withConnection(connection -> connection.channel().close());
            return Mono.empty();
        }
        if (fault != null && fault.kind() == Fault.Kind.NO_RESPONSE) {
            watchForAbort(response, new AtomicBoolean());
            return Mono.never();
        }
        int limit = capacity;
        Duration work = latency;
        if (fault == null && route != Route.UNKNOWN && (limit > 0 || !work.isZero())) {
            return serveWithCapacity(response, route, id, rawQuery, body, signature, now, limit, work);
        }
        Answer answer;
        if (fault != null && fault.replacesAnswer()) {
            answer = ServiceAnswers.of(route, fault);
        } else if (!signature.valid()) {
            answer = signature.clockSkew()
                ? ServiceAnswers.error(route, 403, "InvalidSignatureException", signature.problem())
                : ServiceAnswers.error(route, 403, "AccessDeniedException", signature.problem());
        } else {
            answer = answer(route, id, rawQuery, body);
        }
        return deliver(response, answer, fault, now);
    }

    /** The normal answer, after the service's latency, or its throttling error when over capacity. */
    private Mono<Void> serveWithCapacity(HttpServerResponse response, Route route, String id, String rawQuery,
                                         byte[] body, SigV4Verifier.Result signature, Instant now, int limit,
                                         Duration work) {
        int load = serving.incrementAndGet();
        peakServing.accumulateAndGet(load, Math::max);
        Mono<Answer> answer = Mono.fromSupplier(() -> {
            if (limit > 0 && load > limit) {
                throttled.increment();
                return route.isCloudTrail() ? ServiceAnswers.cloudTrailError(400, "ThrottlingException", "Rate exceeded")
                    : ServiceAnswers.neptuneError(500, "ThrottlingException", "Too many concurrent requests");
            }
            if (!signature.valid()) {
                return ServiceAnswers.error(route, 403, signature.clockSkew() ? "InvalidSignatureException"
                    : "AccessDeniedException", signature.problem());
            }
            return answer(route, id, rawQuery, body);
        });
        AtomicBoolean done = new AtomicBoolean();
        if (!work.isZero()) {
            answer = Mono.delay(work).then(answer);
            watchForAbort(response, done);
        }
        return answer.flatMap(a -> deliver(response, a, null, now))
            .doOnSuccess(ignored -> done.set(true))
            .doFinally(signal -> serving.decrementAndGet());
    }

    private Route route(HttpMethod method, String path, HttpServerRequest request) {
        if (path.equals("/") || path.isEmpty()) {
            return method.equals(HttpMethod.POST) && CLOUDTRAIL_TARGET.equals(request.requestHeaders().get("X-Amz-Target"))
                ? Route.CLOUDTRAIL_CANCEL_QUERY : Route.UNKNOWN;
        }
        if (method.equals(HttpMethod.DELETE) && singleSegmentAfter(path, "/gremlin/status/")) {
            return Route.CANCEL_GREMLIN_QUERY;
        }
        if (singleSegmentAfter(path, "/opencypher/status/")) {
            return method.equals(HttpMethod.DELETE) ? Route.CANCEL_OPEN_CYPHER_QUERY
                : method.equals(HttpMethod.GET) ? Route.GET_OPEN_CYPHER_QUERY_STATUS : Route.UNKNOWN;
        }
        if (method.equals(HttpMethod.DELETE) && singleSegmentAfter(path, "/loader/")) {
            return Route.CANCEL_LOADER_JOB;
        }
        return Route.UNKNOWN;
    }

    private static boolean singleSegmentAfter(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }

    private static String idOf(Route route, String path, byte[] body) {
        return switch (route) {
            case CANCEL_GREMLIN_QUERY, CANCEL_OPEN_CYPHER_QUERY, GET_OPEN_CYPHER_QUERY_STATUS, CANCEL_LOADER_JOB ->
                SigV4Verifier.percentDecode(path.substring(path.lastIndexOf('/') + 1));
            case CLOUDTRAIL_CANCEL_QUERY -> {
                JsonNode json = parse(body);
                JsonNode id = json == null ? null : json.get("QueryId");
                yield id != null && id.isTextual() ? id.textValue() : null;
            }
            case UNKNOWN -> null;
        };
    }

    private Answer answer(Route route, String id, String rawQuery, byte[] body) {
        return switch (route) {
            case CANCEL_GREMLIN_QUERY -> gremlinQueries.replace(id, Boolean.TRUE, Boolean.FALSE)
                ? ServiceAnswers.neptuneSuccess(ServiceAnswers.JSON.createObjectNode().put("status", "200 OK"))
                : ServiceAnswers.invalidQueryId(id);
            case CANCEL_OPEN_CYPHER_QUERY -> cancelOpenCypher(id);
            case GET_OPEN_CYPHER_QUERY_STATUS -> openCypherStatus(id);
            case CANCEL_LOADER_JOB -> loaderJobs.replace(id, Boolean.TRUE, Boolean.FALSE)
                ? ServiceAnswers.neptuneSuccess(ServiceAnswers.JSON.createObjectNode().put("status", "200 OK"))
                : ServiceAnswers.loadNotFound(id);
            case CLOUDTRAIL_CANCEL_QUERY -> cancelCloudTrailQuery(id, parse(body));
            case UNKNOWN -> ServiceAnswers.neptuneError(400, "BadRequestException", "Unsupported request: " + rawQuery);
        };
    }

    private Answer cancelOpenCypher(String id) {
        OpenCypherQuery query = openCypherQueries.get(id);
        if (query == null || query.cancelled()
            || !openCypherQueries.replace(id, query, new OpenCypherQuery(query.queryString(), query.startedAt(),
                query.subqueries(), true))) {
            return ServiceAnswers.invalidQueryId(id);
        }
        return ServiceAnswers.neptuneSuccess(ServiceAnswers.JSON.createObjectNode().put("status", "200 OK")
            .put("payload", true));
    }

    private Answer openCypherStatus(String id) {
        OpenCypherQuery query = openCypherQueries.get(id);
        if (query == null || query.cancelled()) {
            return ServiceAnswers.invalidQueryId(id);
        }
        ObjectNode body = ServiceAnswers.JSON.createObjectNode().put("queryId", id)
            .put("queryString", query.queryString());
        body.putObject("queryEvalStats").put("waited", 0)
            .put("elapsed", Duration.between(query.startedAt(), settings.clock.instant()).toMillis())
            .put("cancelled", false)
            .set("subqueries", query.subqueries());
        return ServiceAnswers.neptuneSuccess(body);
    }

    private Answer cancelCloudTrailQuery(String id, JsonNode request) {
        if (id == null) {
            return ServiceAnswers.cloudTrailError(400, "InvalidParameterException",
                "1 validation error detected: Value null at 'queryId' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        String status = cloudTrailQueries.get(id);
        if (status == null) {
            return ServiceAnswers.cloudTrailError(400, "QueryIdNotFoundException",
                "The query ID " + id + " does not exist or is not in the account.");
        }
        if (!(status.equals("RUNNING") || status.equals("QUEUED")) || !cloudTrailQueries.replace(id, status,
            "CANCELLED")) {
            return ServiceAnswers.cloudTrailError(400, "InactiveQueryException",
                "The query " + id + " is in a terminal state and cannot be cancelled.");
        }
        ObjectNode body = ServiceAnswers.JSON.createObjectNode().put("QueryId", id).put("QueryStatus", "CANCELLED");
        JsonNode owner = request.get("EventDataStoreOwnerAccountId");
        if (owner != null && owner.isTextual()) {
            body.put("EventDataStoreOwnerAccountId", owner.textValue());
        }
        return ServiceAnswers.cloudTrailSuccess(body);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : ServiceAnswers.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private Mono<Void> deliver(HttpServerResponse response, Answer answer, Fault fault, Instant now) {
        response.status(HttpResponseStatus.valueOf(answer.status()));
        answer.headers().forEach(response::header);
        response.header("Date", HTTP_DATE.format(now));
        response.header("Content-Length", Integer.toString(answer.body().length));
        if (fault == null) {
            return response.sendByteArray(Mono.just(answer.body())).then();
        }
        AtomicBoolean done = new AtomicBoolean();
        Mono<Void> send;
        if (fault.kind() == Fault.Kind.CLOSE_MID_BODY) {
            byte[] half = Arrays.copyOf(answer.body(), answer.body().length / 2);
            send = response.sendObject(Mono.just(Unpooled.wrappedBuffer(half))).then()
                .then(Mono.fromRunnable(() -> response.withConnection(c -> c.channel().close())));
        } else if (fault.dripBytes() > 0) {
            send = response.send(drip(answer.body(), fault.dripBytes(), fault.dripInterval()), piece -> true).then();
        } else {
            send = response.sendByteArray(Mono.just(answer.body())).then();
        }
        send = send.doOnSuccess(ignored -> done.set(true));
        if (fault.headerDelay().isZero() && fault.dripBytes() == 0) {
            return send;
        }
        watchForAbort(response, done);
        return fault.headerDelay().isZero() ? send : Mono.delay(fault.headerDelay()).then(send);
    }

    private static Flux<ByteBuf> drip(byte[] body, int pieceBytes, Duration interval) {
        int pieces = (body.length + pieceBytes - 1) / pieceBytes;
        return Flux.range(0, pieces)
            .delayElements(interval)
            .map(i -> Unpooled.wrappedBuffer(body, i * pieceBytes, Math.min(pieceBytes, body.length - i * pieceBytes)));
    }

    private void watchForAbort(HttpServerResponse response, AtomicBoolean done) {
        response.withConnection(connection -> connection.onDispose(() -> {
            if (!done.get()) {
                clientAborts.increment();
            }
        }));
    }

    private static void resetConnection(Connection connection) {
        connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        connection.channel().close();
    }

    @Override
    public String toString() {
        return "Emulator[" + endpoint() + ", region=" + settings.region + "]";
    }

    /** Settings of an {@link Emulator}; {@link #start()} binds it. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private String basePath = "";
        private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
        private String secretAccessKey = DEFAULT_SECRET_ACCESS_KEY;
        private String sessionToken;
        private String region = DEFAULT_REGION;
        private boolean verifySignatures = true;
        private Clock clock = Clock.systemUTC();
        private int maxRecordedRequests = 10_000;
        private int workerThreads = 1;
        private Duration idleTimeout;
        private Duration latency = Duration.ZERO;
        private int capacity;
        private TlsIdentity tls;

        private Builder() {
        }

        /**
         * Serves https with a new self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1},
         * made now and valid for a year; clients trust it through {@link Emulator#certificate()}.
         */
        public Builder selfSignedTls() {
            return selfSignedTls("localhost", "127.0.0.1", "::1");
        }

        /**
         * Serves https with a new self-signed certificate for these host names and IP literals only, e.g.
         * {@code "not-this-host.example"} to see a client's host name verification refuse it. The first name is also
         * its common name.
         */
        public Builder selfSignedTls(String... hostNames) {
            this.tls = SelfSignedCertificate.create(List.of(hostNames), Instant.now());
            return this;
        }

        /**
         * Serves https with this private key and certificate chain (the server's certificate first), e.g. read from a
         * PKCS12 key store with {@code KeyStore.getKey} and {@code getCertificateChain}.
         */
        public Builder tls(PrivateKey key, X509Certificate... chain) {
            this.tls = new TlsIdentity(key, Arrays.asList(chain));
            return this;
        }

        /** Each answer takes at least this long (default none). */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** Throttle above this many requests served at once (default 0: never). */
        public Builder throttleAbove(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /** Closes keep-alive connections idle for this long, as servers and load balancers do. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** A loopback address: {@code 127.0.0.1} (default) or {@code ::1}. */
        public Builder host(String host) {
            if (!host.equals("127.0.0.1") && !host.equals("::1") && !host.equals("localhost")) {
                throw new IllegalArgumentException("host must be a loopback address, was " + host);
            }
            this.host = host;
            return this;
        }

        /** The port to listen on; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A path the emulator is served under, as behind a proxy: {@code /neptune}. */
        public Builder basePath(String basePath) {
            this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
            return this;
        }

        /** The key pair requests must be signed with. */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        /** Requires this session token on every request, as temporary credentials would. */
        public Builder sessionToken(String sessionToken) {
            this.sessionToken = sessionToken;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** {@code false} accepts any request, signed or not. */
        public Builder verifySignatures(boolean verifySignatures) {
            this.verifySignatures = verifySignatures;
            return this;
        }

        /** The emulator's clock: set it apart from the client's to provoke clock-skew errors. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How many requests {@link #takeRequest()} can hold; later ones are counted but not kept. */
        public Builder maxRecordedRequests(int maxRecordedRequests) {
            this.maxRecordedRequests = maxRecordedRequests;
            return this;
        }

        /** Event-loop threads serving requests (default 1). */
        public Builder workerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
            return this;
        }

        public Emulator start() {
            return new Emulator(this);
        }
    }

}
