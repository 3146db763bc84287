package io.querystop.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.querystop.emulator.Emulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The command line run in-process, for the bulk tests: its exit code, standard output and standard error. */
record CliRun(int exit, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each non-blank line of standard output as JSON. */
    List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException("not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    static CliRun run(StopSignals signals, InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), signals);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun run(StopSignals signals, String... args) {
        return run(signals, new ByteArrayInputStream(new byte[0]), args);
    }

    /** {@link #run} on a thread of its own, for a test that signals it meanwhile. */
    static CompletableFuture<CliRun> start(StopSignals signals, InputStream in, String... args) {
        CompletableFuture<CliRun> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(run(signals, in, args));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "cli-under-test");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * For a test class whose CLI runs take credentials and region from the default chains: the emulator's, as system
     * properties, for the class's duration. {@code @ExtendWith(CliRun.EmulatorCredentials.class)}.
     */
    static final class EmulatorCredentials implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            System.setProperty("aws.accessKeyId", Emulator.DEFAULT_ACCESS_KEY_ID);
            System.setProperty("aws.secretAccessKey", Emulator.DEFAULT_SECRET_ACCESS_KEY);
            System.setProperty("aws.region", Emulator.DEFAULT_REGION);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.clearProperty("aws.region");
        }
    }

    /** Stop signals a test sends: {@link #send} calls the handler installed by the running command, if any. */
    static final class FakeSignals implements StopSignals {
        private final List<Consumer<String>> installed = new CopyOnWriteArrayList<>();
        private volatile int installs;
        private volatile int restores;

        @Override
        public AutoCloseable install(Consumer<String> handler) {
            installed.add(handler);
            installs++;
            return () -> {
                installed.remove(handler);
                restores++;
            };
        }

        void send(String signal) {
            installed.forEach(handler -> handler.accept(signal));
        }

        int installs() {
            return installs;
        }

        int restores() {
            return restores;
        }
    }
}
