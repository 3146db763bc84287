package io.querystop.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The tests' SLF4J backend: WARN and above go to stderr; while a {@link Capture} is open, every level of every logger
 * (the AWS SDK's signer included) is recorded, so tests can read the SDK's canonical requests and prove that no secret
 * reaches any log line.
 */
public final class CapturingLoggerProvider implements SLF4JServiceProvider {

    private static final List<String> CAPTURED = new CopyOnWriteArrayList<>();
    private static volatile int openCaptures;

    private final ILoggerFactory factory = new Factory();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Records every log line until closed. Captures are global: use from one test at a time. */
    public static Capture capture() {
        synchronized (CAPTURED) {
            openCaptures++;
            CAPTURED.clear();
        }
        return new Capture();
    }

    public static final class Capture implements AutoCloseable {
        public List<String> lines() {
            return new ArrayList<>(CAPTURED);
        }

        @Override
        public void close() {
            synchronized (CAPTURED) {
                openCaptures--;
            }
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class Factory implements ILoggerFactory {
        private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, CapturingLogger::new);
        }
    }

    static final class CapturingLogger extends LegacyAbstractLogger {
        CapturingLogger(String name) {
            this.name = name;
        }

        private static boolean capturing() {
            return openCaptures > 0;
        }

        @Override
        public boolean isTraceEnabled() {
            return capturing();
        }

        @Override
        public boolean isDebugEnabled() {
            return capturing();
        }

        @Override
        public boolean isInfoEnabled() {
            return capturing();
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            String line = level + " " + name + " " + message + (throwable == null ? "" : " " + throwable);
            if (capturing()) {
                CAPTURED.add(line);
            }
            if (level.toInt() >= Level.WARN.toInt()) {
                print(line);
            }
        }

        void print(String line) {
            System.err.println(line);
        }
    }
}
