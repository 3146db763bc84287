package io.querystop.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs, once for the whole test run and before any test class loads, BlockHound (every blocking call on a Netty
 * event loop or Reactor non-blocking thread fails) and the recording Netty leak detector.
 */
public final class TestSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LeakRecorder.install();
        BlockHound.install(builder -> builder
            // aws-sdk-java-v2 caches SigV4 signing keys in a FifoCache behind a ReentrantReadWriteLock; under
            // contention a signing thread parks for the few nanoseconds of a map lookup. No I/O is involved.
            .allowBlockingCallsInside("software.amazon.awssdk.utils.cache.FifoCache", "get")
            .allowBlockingCallsInside("software.amazon.awssdk.utils.cache.FifoCache", "put")
            // Its AwsV4HttpSigner also pools MessageDigests in a LinkedBlockingDeque (lock-guarded): the same
            // nanosecond-long park under contention when two event loops sign at once. Found by the load test.
            .allowBlockingCallsInside("software.amazon.awssdk.checksums.internal.DigestAlgorithm", "getDigest")
            .allowBlockingCallsInside("software.amazon.awssdk.checksums.internal.DigestAlgorithm$CloseableMessageDigest",
                "close")
            .allowBlockingCallsInside("software.amazon.awssdk.checksums.internal.DigestAlgorithm$CloseableMessageDigest",
                "digest")
            // Test-side log capture writes WARN and above to stderr.
            .allowBlockingCallsInside(CapturingLoggerProvider.class.getName() + "$CapturingLogger", "print"));
    }
}
