package io.querystop.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querystop.emulator.Emulator;
import io.querystop.testing.EmulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Micrometer is optional: the library, loaded afresh by a class loader that cannot see any {@code io.micrometer}
 * class, builds clients, calls, fails typed and runs a bulk cancellation against the emulator. A Micrometer class
 * touched on any of these paths would end the probe with a {@code NoClassDefFoundError}.
 *
 * <p>The probe's copies of Reactor and Netty are its own: BlockHound and the leak recorder watch this JVM's copies,
 * so this test checks class loading, not blocking or leaks (which every other test checks).
 */
class WithoutMicrometerTests {

    static final String KEY_ID = "AKIDNOMICROMETER";
    static final String SECRET = "no-micrometer-secret-key-for-the-emulator";

    @RegisterExtension
    static final EmulatorExtension env = new EmulatorExtension(b -> b.credentials(KEY_ID, SECRET));

    private final Emulator emulator = env.emulator();

    @Test
    void theLibraryRunsWithoutMicrometerOnTheClasspath() throws Exception {
        emulator.addGremlinQuery("running");
        emulator.addGremlinQuery("bulk-1");
        ClassLoader withoutMicrometer = new WithoutMicrometer(getClass().getClassLoader());
        assertThatThrownBy(() -> Class.forName("io.micrometer.observation.ObservationRegistry", false,
            withoutMicrometer)).isInstanceOf(ClassNotFoundException.class);

        Class<?> probeClass = Class.forName(NoMicrometerProbe.class.getName(), true, withoutMicrometer);
        assertThat(probeClass.getClassLoader()).isSameAs(withoutMicrometer);
        @SuppressWarnings("unchecked")
        Function<List<String>, String> probe = (Function<List<String>, String>) probeClass
            .getDeclaredConstructor().newInstance();

        String result = probe.apply(List.of(emulator.endpoint().toString(), emulator.region(), KEY_ID, SECRET));

        assertThat(result).isEqualTo("cancelled=200 OK; unknown=InvalidParameterException; bulk=[CANCELLED, "
            + "NOT_RUNNING]; active=0");
    }

    /**
     * Child-first for everything but the JDK: defines the library, its dependencies and the probe itself from the
     * test class path, and refuses every {@code io.micrometer} class and resource.
     */
    static final class WithoutMicrometer extends ClassLoader {
        private final ClassLoader source;

        WithoutMicrometer(ClassLoader source) {
            super("without-micrometer", ClassLoader.getPlatformClassLoader());
            this.source = source;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name + " (hidden from this test)");
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = getParent().loadClass(name); // the JDK's
                    } catch (ClassNotFoundException notTheJdks) {
                        loaded = findClass(name);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public URL getResource(String name) {
            return hidden(name) ? null : source.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hidden(name) ? Collections.emptyEnumeration() : source.getResources(name);
        }

        private static boolean hidden(String name) {
            return name.startsWith("io/micrometer/");
        }
    }
}
