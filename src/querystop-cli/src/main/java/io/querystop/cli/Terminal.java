package io.querystop.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, which decides whether a progress bar is drawn. */
final class Terminal {

    private Terminal() {
    }

    static boolean isStderrTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null; // not Linux: the best the JDK 17 API can tell
        }
    }
}
