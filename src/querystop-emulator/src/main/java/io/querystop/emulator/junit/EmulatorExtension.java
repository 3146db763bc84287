package io.querystop.emulator.junit;

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
    /** What the accessors show: the emulator this registration started last and has not closed yet. */
    private final AtomicReference<Emulator> current = new AtomicReference<>();

    /** Default settings, one emulator per test class: the form {@code @ExtendWith(EmulatorExtension.class)} uses. */
    public EmulatorExtension() {
        this(builder -> { }, false);
    }

    private EmulatorExtension(Consumer<? super Emulator.Builder> settings, boolean perTest) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.perTest = perTest;
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
        return new EmulatorExtension(settings, false);
    }

    /** An extension with the same settings that starts a new emulator for each test and closes it after the test. */
    public EmulatorExtension perTest() {
        return new EmulatorExtension(settings, true);
    }

    /**
     * The running emulator.
     *
     * @throws IllegalStateException before it starts (before the class's {@code @BeforeAll} methods, or a test's
     *                               {@code @BeforeEach} methods with {@link #perTest()}) or after it is closed
     */
    public Emulator emulator() {
        Emulator emulator = current.get();
        if (emulator == null) {
            throw new IllegalStateException("no emulator is running: it runs from before the test class's @BeforeAll "
                + "methods to after its @AfterAll methods (with perTest(): around each test)");
        }
        return emulator;
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
        Emulator emulator = store(context).get(this, Emulator.class);
        if (emulator == null) {
            throw new ExtensionConfigurationException("EmulatorExtension is registered on an instance field, where "
                + "JUnit calls no class-level callback: make the field static, or use EmulatorExtension.create()"
                + ".perTest()");
        }
        emulator.reset();
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
        return type == Emulator.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Emulator emulator;
        try {
            emulator = started(context);
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
        return parameter.getParameter().getType() == URI.class ? emulator.endpoint() : emulator;
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
    private Emulator started(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(this, key -> start(), Emulator.class);
    }

    private Emulator start() {
        Emulator.Builder builder = Emulator.builder();
        settings.accept(builder);
        Emulator emulator = builder.start();
        current.set(emulator);
        return emulator;
    }

    /** Closes the emulator this context started; a {@code @Nested} class's context has none of its own. */
    private void stop(ExtensionContext context) {
        Emulator emulator = store(context).remove(this, Emulator.class);
        if (emulator != null) {
            current.compareAndSet(emulator, null);
            emulator.close();
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
        Emulator emulator = current.get();
        return "EmulatorExtension[" + (perTest ? "per test" : "per class") + ", "
            + (emulator == null ? "not running" : emulator.endpoint()) + "]";
    }
}
