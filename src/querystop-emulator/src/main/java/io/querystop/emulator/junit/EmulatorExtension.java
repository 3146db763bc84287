package io.querystop.emulator.junit;

import io.querystop.emulator.EmulatedCluster;
import io.querystop.emulator.Emulator;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Runs an {@link Emulator} for the tests of a class: starts it on a free loopback port before the class's
 * {@code @BeforeAll} methods, resets it before each test (its queries and jobs, recorded requests, queued faults, fault
 * policy, latency and capacity), and closes it after the class. Tests, lifecycle methods and constructors receive
 * the {@link Emulator} or its endpoint as a {@link URI} parameter:
 *
 * <pre>{@code
 * @ExtendWith(EmulatorExtension.class)
 * class CancelTests {
 *     @Test
 *     void cancelsARunningQuery(Emulator emulator) {
 *         emulator.addGremlinQuery("q-1");
 *         NeptuneDataClient neptune = NeptuneDataClient.builder()
 *             .endpoint(emulator.endpoint().toString())
 *             .region(emulator.region())
 *             .credentialsProvider(emulator.credentialsProvider())
 *             .build();
 *         // ... cancel "q-1" with neptune, then emulator.takeRequest() shows what was sent
 *     }
 * }
 * }</pre>
 *
 * <p>Registered on a static field, it takes settings and offers the running emulator through its accessors:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension emulator = EmulatorExtension.withSettings(builder -> builder.region("eu-west-1"));
 *
 * NeptuneDataClient neptune = NeptuneDataClient.builder().endpoint(emulator.endpoint().toString())
 *     .region(emulator.region()).credentialsProvider(emulator.credentialsProvider()).build();
 * }</pre>
 *
 * <p>With {@code builder -> builder.selfSignedTls()} it serves https; a client trusts it through
 * {@code emulator.emulator().certificate()}.
 *
 * <p>{@link #cluster(int)} runs an {@link EmulatedCluster} of that many instances instead (one writer, the others
 * readers, each on its own port); tests then also receive the {@link EmulatedCluster}, while an {@link Emulator} or
 * {@link URI} parameter is the writer (or its endpoint):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension cluster = EmulatorExtension.cluster(3);
 *
 * @Test
 * void cancelsOnTheInstanceThatRunsIt(EmulatedCluster cluster) {
 *     cluster.readers().get(1).addQuery(QuerySeed.gremlin("q-1", "g.V().count()"));
 *     // ... list every endpoint of cluster.endpoints(), cancel "q-1" through the one that lists it
 * }
 * }</pre>
 *
 * <p>One emulator serves all the tests of a class, {@code @Nested} classes included, so that a test class pays for
 * starting it once; the reset makes each test start from nothing, so put what a test needs in the test or in a
 * {@code @BeforeEach} method (a {@code @BeforeAll} method's additions are reset too). Tests of one class that run
 * concurrently would reset each other's emulator: give them {@link #perTest()}, which starts a new emulator for each
 * test before its {@code @BeforeEach} methods and closes it after its {@code @AfterEach} methods. A registration on an
 * instance field fails with a message: JUnit calls no class-level callback for it, so make the field static or use
 * {@link #perTest()}.
 */
public final class EmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(EmulatorExtension.class);

    private final Consumer<? super Emulator.Builder> settings;
    private final boolean perTest;
    private final int instances;
    /** What the accessors show: the emulator (a one-instance cluster) or cluster started last and not closed yet. */
    private final AtomicReference<EmulatedCluster> current = new AtomicReference<>();

    /** Default settings, one emulator per test class: the form {@code @ExtendWith(EmulatorExtension.class)} uses. */
    public EmulatorExtension() {
        this(builder -> { }, false, 1);
    }

    private EmulatorExtension(Consumer<? super Emulator.Builder> settings, boolean perTest, int instances) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.perTest = perTest;
        if (instances < 1) {
            throw new IllegalArgumentException("a cluster has at least one instance, was " + instances);
        }
        this.instances = instances;
    }

    /** Default settings, one emulator per test class. */
    public static EmulatorExtension create() {
        return new EmulatorExtension();
    }

    /**
     * The emulator's settings, applied to a new {@link Emulator.Builder} for each emulator started, e.g.
     * {@code builder -> builder.selfSignedTls().region("eu-west-1")}; one emulator per test class.
     */
    public static EmulatorExtension withSettings(Consumer<? super Emulator.Builder> settings) {
        return new EmulatorExtension(settings, false, 1);
    }

    /** An emulated cluster of this many instances (the first the writer) per test class, default settings. */
    public static EmulatorExtension cluster(int instances) {
        return new EmulatorExtension(builder -> { }, false, instances);
    }

    /**
     * An extension with the same settings (applied to each instance) that runs a cluster of this many instances;
     * {@code instances(1)} is the single emulator.
     */
    public EmulatorExtension instances(int instances) {
        return new EmulatorExtension(settings, perTest, instances);
    }

    /** An extension with the same settings that starts a new emulator for each test and closes it after the test. */
    public EmulatorExtension perTest() {
        return new EmulatorExtension(settings, true, instances);
    }

    /**
     * The running emulator (with {@link #cluster(int)}: the writer).
     *
     * @throws IllegalStateException before it starts (before the class's {@code @BeforeAll} methods, or a test's
     *                               {@code @BeforeEach} methods with {@link #perTest()}) or after it is closed
     */
    public Emulator emulator() {
        return cluster().writer();
    }

    /**
     * The running cluster (of one instance unless {@link #cluster(int)} or {@link #instances(int)} said more).
     *
     * @throws IllegalStateException when none is running; see {@link #emulator()}
     */
    public EmulatedCluster cluster() {
        EmulatedCluster cluster = current.get();
        if (cluster == null) {
            throw new IllegalStateException("no emulator is running: it runs from before the test class's @BeforeAll "
                + "methods to after its @AfterAll methods (with perTest(): around each test)");
        }
        return cluster;
    }

    /** The running emulator's base URL, e.g. {@code http://127.0.0.1:38211}; see {@link #emulator()}. */
    public URI endpoint() {
        return emulator().endpoint();
    }

    /** The region requests must be signed for; see {@link #emulator()}. */
    public String region() {
        return emulator().region();
    }

    /** Credentials the running emulator accepts; see {@link #emulator()}. */
    public AwsCredentialsProvider credentialsProvider() {
        return emulator().credentialsProvider();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            started(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTest) {
            started(context);
            return;
        }
        EmulatedCluster cluster = store(context).get(this, EmulatedCluster.class);
        if (cluster == null) {
            throw new ExtensionConfigurationException("EmulatorExtension is registered on an instance field, where "
                + "JUnit calls no class-level callback: make the field static, or use EmulatorExtension.create()"
                + ".perTest()");
        }
        cluster.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest) {
            stop(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Emulator.class || type == URI.class || type == EmulatedCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmulatedCluster cluster;
        try {
            cluster = started(context);
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
        Class<?> type = parameter.getParameter().getType();
        return type == EmulatedCluster.class ? cluster : type == URI.class ? cluster.writer().endpoint()
            : cluster.writer();
    }

    /** With {@link #perTest()}, a per-method test instance's constructor gets the test's own emulator. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return perTest ? ExtensionContextScope.TEST_METHOD : ExtensionContextScope.DEFAULT;
    }

    /**
     * The emulator of this context, or of an enclosing one (a store sees its parents' values), started if there is
     * none yet: a constructor of a {@code PER_CLASS} test instance asks before {@link #beforeAll} runs.
     */
    private EmulatedCluster started(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(this, key -> start(), EmulatedCluster.class);
    }

    private EmulatedCluster start() {
        EmulatedCluster cluster = EmulatedCluster.builder().instances(instances).instanceSettings(settings).start();
        current.set(cluster);
        return cluster;
    }

    /** Closes the emulator this context started; a {@code @Nested} class's context has none of its own. */
    private void stop(ExtensionContext context) {
        EmulatedCluster cluster = store(context).remove(this, EmulatedCluster.class);
        if (cluster != null) {
            current.compareAndSet(cluster, null);
            cluster.close();
        }
    }

    /** Where an emulator lives: the test class's context, or with {@link #perTest()} the test's own. */
    private ExtensionContext.Store store(ExtensionContext context) {
        if (perTest && context.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException("a per-test emulator exists only around a test: ask for it in "
                + "a test, a @BeforeEach or @AfterEach method, or the constructor of a per-method test instance");
        }
        return context.getStore(NAMESPACE);
    }

    @Override
    public String toString() {
        EmulatedCluster cluster = current.get();
        return "EmulatorExtension[" + (perTest ? "per test" : "per class") + ", "
            + (cluster == null ? "not running" : instances == 1 ? cluster.writer().endpoint() : cluster.endpoints())
            + "]";
    }
}
