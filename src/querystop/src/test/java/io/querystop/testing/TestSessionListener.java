package io.querystop.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs, once for the whole test run and before any test class loads, BlockHound (every blocking call on a Netty
 * event loop or Reactor non-blocking thread fails, with no allowance for library code) and the recording Netty leak
 * detector.
 */
public final class TestSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LeakRecorder.install();
        BlockHound.install(builder -> builder
            // Test-side log capture writes WARN and above to stderr.
            .allowBlockingCallsInside(CapturingLoggerProvider.class.getName() + "$CapturingLogger", "print"));
    }
}
