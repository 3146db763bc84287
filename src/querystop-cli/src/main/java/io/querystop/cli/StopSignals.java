package io.querystop.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a bulk run's requests to stop come from: the process's SIGINT and SIGTERM, or a test. Handlers are installed
 * for the run only; closing the returned handle puts back what was there before (the JVM's own: exit at once).
 */
@FunctionalInterface
interface StopSignals {

    /** Calls {@code handler} with {@code "INT"} or {@code "TERM"} for each signal until the handle is closed. */
    AutoCloseable install(Consumer<String> handler);

    /** The exit code of a process ended by the named signal, as shells report it: 128 + its number. */
    static int exitCode(String signal) {
        return signal.equals("INT") ? 130 : 143;
    }

    /**
     * The real signals, through {@code sun.misc.Signal} (module {@code jdk.unsupported}, the only JDK 17 API for
     * them). A JVM started with {@code -Xrs} refuses the handlers: then signals end the process as before.
     */
    StopSignals PROCESS = handler -> {
        List<Runnable> restore = new ArrayList<>();
        for (String name : List.of("INT", "TERM")) {
            sun.misc.Signal signal = new sun.misc.Signal(name);
            try {
                sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal, s -> handler.accept(s.getName()));
                restore.add(() -> sun.misc.Signal.handle(signal, previous));
            } catch (IllegalArgumentException refused) {
                // -Xrs, or the signal is the JVM's own on this platform: leave it alone
            }
        }
        return () -> restore.forEach(Runnable::run);
    };
}
