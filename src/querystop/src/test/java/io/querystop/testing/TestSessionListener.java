package io.querystop.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs, once for the whole test run and before any test class loads, BlockHound (every blocking call on a Netty
 * event loop or Reactor non-blocking thread fails, but for what the library's BlockHoundIntegration allows) and the
 * recording Netty leak detector.
 */
public final class TestSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LeakRecorder.install();
        // BlockHound.install also loads every BlockHoundIntegration on the class path by ServiceLoader, so the
        // library's own (io.querystop.internal.blockhound.QuerystopBlockHoundIntegration, the aws-sdk-java-v2
        // signer's lock-guarded caches) is what the suite runs with: an application gets the same allow-list.
        BlockHound.install(builder -> builder
            // Test-side log capture writes WARN and above to stderr.
            .allowBlockingCallsInside(CapturingLoggerProvider.class.getName() + "$CapturingLogger", "print"));
    }
}
