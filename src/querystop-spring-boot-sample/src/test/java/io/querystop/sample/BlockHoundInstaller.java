package io.querystop.sample;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Installs BlockHound once, before any test class loads, as an application installs it first thing in {@code main}:
 * with the integrations on the class path (Reactor's, Spring's, querystop's), throwing on a blocking call. It must come
 * before any Reactor scheduler thread starts: a thread already parked inside an allowed method (a scheduler worker
 * waiting in its queue's {@code take}) when BlockHound arrives is not known to be inside it, and the error thrown at
 * its next park breaks the queue's lock. The callback also records each call, so that one swallowed on the way (a log
 * line, a 500) still fails a test.
 */
public final class BlockHoundInstaller implements LauncherSessionListener {

    /** Every blocking call BlockHound has stopped, with its thread and where it was. */
    static final Queue<String> BLOCKING_CALLS = new ConcurrentLinkedQueue<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BlockHound.install(builder -> builder.blockingMethodCallback(method -> {
            BlockingOperationError error = new BlockingOperationError(method);
            BLOCKING_CALLS.add(method + " on " + Thread.currentThread().getName() + where(error));
            throw error;
        }));
    }

    private static String where(Throwable error) {
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] stack = error.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 40); i++) {
            frames.append("\n    at ").append(stack[i]);
        }
        return frames.toString();
    }
}
