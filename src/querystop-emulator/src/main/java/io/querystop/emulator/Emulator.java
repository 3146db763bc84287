package io.querystop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * An in-process Amazon Neptune data API and CloudTrail Lake server on a loopback port, for tests and demos: one
 * Neptune instance (a writer, unless it is a reader of an {@link EmulatedCluster}) and a CloudTrail Lake account.
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
 * <p>It keeps the queries, loader jobs and CloudTrail queries a test registers and answers as the services do (see
 * {@link Route} for the operations): queries run or wait and age with its {@linkplain Builder#queryClock query clock},
 * a cancel of a listed query succeeds, the query stays listed with {@code cancelled: true} for the
 * {@linkplain Builder#cancellationDelay cancellation delay} and is then gone; a status or cancel call for a query it
 * does not list gets the service's own 400. It checks the SigV4 signature of every request against its key pair and
 * answers 403 {@code AccessDeniedException} (or {@code InvalidSignatureException} with a {@code Date} header when the
 * signing time is off by more than five minutes). Faults can be queued per route or decided per request by a
 * {@link FaultPolicy}.
 *
 * <p>It serves plain {@code http} unless the builder turns on TLS; then a client trusts it through
 * {@link #certificate()} or {@link #trustManagerFactory()}:
 *
 * <pre>{@code
 * Emulator emulator = Emulator.builder().selfSignedTls().start();   // https://127.0.0.1:<port>
 * SslContext trust = SslContextBuilder.forClient().trustManager(emulator.certificate()).build();
 * }</pre>
 *
 * <p>For JUnit 5 tests, {@link io.querystop.emulator.junit.EmulatorExtension} starts, injects, resets and closes one
 * (or a cluster).
 */
public final class Emulator implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY_ID = "AKIDQUERYSTOPEMULATOR";
    /** A made-up secret for the emulator's own key pair; it opens nothing anywhere else. */
    public static final String DEFAULT_SECRET_ACCESS_KEY = "querystop-emulator-secret-key-0000000000";
    public static final String DEFAULT_REGION = "us-east-1";
    /** Submitted queries that run at once on an instance by default: 2 x the 2 vCPUs of a small instance. */
    public static final int DEFAULT_MAX_RUNNING_QUERIES = 4;
    /** Queries that may wait on an instance by default, as Neptune. */
    public static final int DEFAULT_MAX_WAITING_QUERIES = 8192;

    private final Builder settings;
    private final QueryTable queries;
    private final LoaderJobs loads;
    private final CloudTrailLake cloudTrail;
    private final RequestLog log;
    private final Faults faults = new Faults();
    private final Capacity capacity;
    private final EmulatorServer server;

    private Emulator(Builder settings) {
        this.settings = settings;
        Clock queryClock = settings.queryClock != null ? settings.queryClock : settings.clock;
        this.queries = new QueryTable(queryClock, settings.cancellationDelay, settings.maxRunningQueries,
            settings.maxWaitingQueries);
        this.loads = new LoaderJobs(queryClock);
        this.cloudTrail = settings.cloudTrail != null ? settings.cloudTrail
            : new CloudTrailLake(queryClock, settings.region);
        this.log = new RequestLog(settings.maxRecordedRequests);
        this.capacity = new Capacity(settings.latency, settings.capacity);
        SigV4Verifier verifier = settings.verifySignatures ? new SigV4Verifier(settings.accessKeyId,
            settings.secretAccessKey, settings.sessionToken, settings.region, Duration.ofMinutes(5)) : null;
        Operations operations = new Operations(queries, loads, cloudTrail,
            new EngineStatusAnswer(settings.writer, settings.clock.instant()), settings.writer);
        this.server = new EmulatorServer(settings, new RequestHandler(settings.clock, settings.basePath, verifier, log,
            faults, capacity, operations));
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
        return server.port();
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

    /** {@code writer} or {@code reader}, as its {@code GET /status} says; a lone emulator is a writer. */
    public String role() {
        return settings.writer ? "writer" : "reader";
    }

    public boolean isWriter() {
        return settings.writer;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /**
     * Puts a Gremlin or openCypher query on this instance, and on no other: submitted now (running if a slot is
     * free, else waiting), or running or waiting as the seed says; a query with the same id and language is replaced.
     *
     * @throws QueueFullException when it would wait and the queue holds {@link Builder#maxWaitingQueries} already
     */
    public Emulator addQuery(QuerySeed seed) {
        Object subqueries = seed.subqueries();
        JsonNode json = subqueries == null ? null : ServiceAnswers.JSON.valueToTree(subqueries);
        queries.add(seed, json);
        return this;
    }

    /** Registers a running Gremlin query (running whatever the number running, text {@code g.V().count()}). */
    public Emulator addGremlinQuery(String queryId) {
        return addQuery(QuerySeed.gremlin(queryId, "g.V().count()").running(Duration.ZERO, Duration.ZERO));
    }

    /** Registers a running openCypher query; its status reports {@code subqueries} as {@code 0}. */
    public Emulator addOpenCypherQuery(String queryId, String queryString) {
        return addQuery(QuerySeed.openCypher(queryId, queryString).running(Duration.ZERO, Duration.ZERO));
    }

    /** Registers a running openCypher query whose status reports the given {@code subqueries} document. */
    public Emulator addOpenCypherQuery(String queryId, String queryString, JsonNode subqueries) {
        return addQuery(QuerySeed.openCypher(queryId, queryString).subqueries(subqueries)
            .running(Duration.ZERO, Duration.ZERO));
    }

    /**
     * Puts a bulk-loader job on this instance, which must be the writer: loads run there only. Only the last 1,024
     * jobs are kept, as Neptune keeps them.
     *
     * @throws IllegalStateException on a reader
     */
    public Emulator addLoad(LoadSeed seed) {
        if (!settings.writer) {
            throw new IllegalStateException("loads run on the writer only; this instance is a reader");
        }
        loads.add(seed);
        return this;
    }

    /** Registers an active bulk-loader job ({@code LOAD_IN_PROGRESS}, started now) on the writer. */
    public Emulator addLoaderJob(String loadId) {
        return addLoad(LoadSeed.of(loadId));
    }

    /**
     * Puts a query in the CloudTrail Lake account, which all instances of a cluster share (CloudTrail is regional).
     *
     * @throws IllegalArgumentException if its event data store was never added
     */
    public Emulator addCloudTrailQuery(CloudTrailQuerySeed seed) {
        cloudTrail.add(seed);
        return this;
    }

    /** Registers a CloudTrail Lake query in a status such as {@code RUNNING} or {@code FINISHED}, created now. */
    public Emulator addCloudTrailQuery(String queryId, String status) {
        return addCloudTrailQuery(CloudTrailQuerySeed.of(queryId).status(status));
    }

    /**
     * Adds an event data store to the CloudTrail Lake account, listed by {@code ListEventDataStores}; the same name
     * gives the same ARN.
     *
     * @return its ARN, {@code arn:aws:cloudtrail:<region>:123456789012:eventdatastore/<uuid>}
     */
    public String addEventDataStore(String name) {
        return cloudTrail.addEventDataStore(name);
    }

    /** The ARN of the event data store every emulator has, named {@code querystop-emulator}; seeds default to it. */
    public String eventDataStoreArn() {
        return cloudTrail.defaultStore();
    }

    /**
     * The state of a query or job, as the emulator keeps it: {@code RUNNING}, {@code WAITING}, {@code CANCELLED}
     * (listed still or gone) or {@code FINISHED} for Gremlin and openCypher queries; the loader job's status, such
     * as {@code LOAD_IN_PROGRESS} or {@code LOAD_CANCELLED_BY_USER}; the query status for CloudTrail; empty for an id
     * never registered (on this instance) and for routes without ids.
     */
    public Optional<String> state(Route route, String id) {
        return Optional.ofNullable(switch (route) {
            case CANCEL_GREMLIN_QUERY, GET_GREMLIN_QUERY_STATUS, LIST_GREMLIN_QUERIES ->
                queries.state(QueryLanguage.GREMLIN, id);
            case CANCEL_OPEN_CYPHER_QUERY, GET_OPEN_CYPHER_QUERY_STATUS, LIST_OPEN_CYPHER_QUERIES ->
                queries.state(QueryLanguage.OPEN_CYPHER, id);
            case CANCEL_LOADER_JOB, GET_LOADER_JOB_STATUS, LIST_LOADER_JOBS -> loads.state(id);
            case CLOUDTRAIL_CANCEL_QUERY, CLOUDTRAIL_DESCRIBE_QUERY, CLOUDTRAIL_LIST_QUERIES -> cloudTrail.state(id);
            case GET_ENGINE_STATUS, CLOUDTRAIL_LIST_EVENT_DATA_STORES, UNKNOWN -> null;
        });
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /** Queues a fault for the next request on the route; queued faults are used in order, once each. */
    public Emulator enqueue(Route route, Fault fault) {
        faults.enqueue(route, fault);
        return this;
    }

    /** Decides a fault for each request that has none queued; {@code null} removes the policy. */
    public Emulator faultPolicy(FaultPolicy policy) {
        faults.policy(policy);
        return this;
    }

    /** Each answer takes at least this long, as a real service's work does; {@code Duration.ZERO} for none. */
    public Emulator latency(Duration latency) {
        capacity.latency(latency);
        return this;
    }

    /**
     * Answers with the service's throttling error (Neptune: 500 {@code ThrottlingException}; CloudTrail: 400
     * {@code ThrottlingException}) whenever more than {@code capacity} requests are being served at once; 0 turns it
     * off. Works with {@link #latency(Duration)}, which makes requests overlap.
     */
    public Emulator throttleAbove(int capacity) {
        this.capacity.capacity(capacity);
        return this;
    }

    /** The most requests served at once, counted while a latency or capacity is set. */
    public int peakConcurrentRequests() {
        return capacity.peak();
    }

    /** Requests answered with a throttling error because the capacity was exceeded. */
    public long throttledCount() {
        return capacity.throttled();
    }

    // ---- recorded requests -------------------------------------------------------------------------------------

    /** The oldest recorded request not yet taken, waiting up to 10 seconds; {@code null} if none came. */
    public RecordedRequest takeRequest() throws InterruptedException {
        return takeRequest(Duration.ofSeconds(10));
    }

    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return log.take(timeout);
    }

    /** All requests received, recorded or not. */
    public long requestCount() {
        return log.count();
    }

    /** Requests whose connection the client closed before the (delayed or withheld) answer was complete. */
    public long clientAborts() {
        return log.clientAborts();
    }

    /**
     * Forgets all state, queued faults, the fault policy and recorded requests, and restarts the counters. In a
     * cluster this clears the CloudTrail Lake state the instances share too.
     */
    public void reset() {
        queries.clear();
        loads.clear();
        cloudTrail.clear();
        faults.clear();
        log.clear();
        capacity.reset();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "Emulator[" + endpoint() + ", region=" + settings.region
            + (settings.writer ? "" : ", reader") + "]";
    }

    /** Settings of an {@link Emulator}; {@link #start()} binds it. */
    public static final class Builder {

        String host = "127.0.0.1";
        int port;
        String basePath = "";
        String accessKeyId = DEFAULT_ACCESS_KEY_ID;
        String secretAccessKey = DEFAULT_SECRET_ACCESS_KEY;
        String sessionToken;
        String region = DEFAULT_REGION;
        boolean verifySignatures = true;
        Clock clock = Clock.systemUTC();
        Clock queryClock;
        Duration cancellationDelay = Duration.ZERO;
        int maxRunningQueries = DEFAULT_MAX_RUNNING_QUERIES;
        int maxWaitingQueries = DEFAULT_MAX_WAITING_QUERIES;
        int maxRecordedRequests = 10_000;
        int workerThreads = 1;
        Duration idleTimeout;
        Duration latency = Duration.ZERO;
        int capacity;
        TlsIdentity tls;
        /** Set by {@link EmulatedCluster}: a reader's role, and the CloudTrail state the instances share. */
        boolean writer = true;
        CloudTrailLake cloudTrail;

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

        /**
         * The clock that ages queries and loads, times cancellations and stamps CloudTrail {@code CreationTime}
         * (default: {@link #clock(Clock)}), e.g. a {@link ManualClock} to advance by hand while signatures are still
         * checked against the real time.
         */
        public Builder queryClock(Clock queryClock) {
            this.queryClock = java.util.Objects.requireNonNull(queryClock, "queryClock");
            return this;
        }

        /**
         * How long a cancelled Gremlin or openCypher query stays listed with {@code cancelled: true} before it is gone
         * (and its status answers 400 {@code InvalidParameterException}); default {@code Duration.ZERO}: gone at once.
         */
        public Builder cancellationDelay(Duration cancellationDelay) {
            if (cancellationDelay.isNegative()) {
                throw new IllegalArgumentException("cancellationDelay must not be negative, was " + cancellationDelay);
            }
            this.cancellationDelay = cancellationDelay;
            return this;
        }

        /** How many submitted queries run at once on an instance, the rest wait (default 4: 2 x 2 vCPUs). */
        public Builder maxRunningQueries(int maxRunningQueries) {
            if (maxRunningQueries < 1) {
                throw new IllegalArgumentException("maxRunningQueries must be at least 1, was " + maxRunningQueries);
            }
            this.maxRunningQueries = maxRunningQueries;
            return this;
        }

        /**
         * How many queries may wait on an instance (default 8,192, as Neptune); beyond it {@link Emulator#addQuery} throws
         * {@link QueueFullException}, Neptune's {@code ThrottlingException}.
         */
        public Builder maxWaitingQueries(int maxWaitingQueries) {
            if (maxWaitingQueries < 0) {
                throw new IllegalArgumentException("maxWaitingQueries must not be negative, was " + maxWaitingQueries);
            }
            this.maxWaitingQueries = maxWaitingQueries;
            return this;
        }

        /** How many requests {@link Emulator#takeRequest()} can hold; later ones are counted but not kept. */
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
