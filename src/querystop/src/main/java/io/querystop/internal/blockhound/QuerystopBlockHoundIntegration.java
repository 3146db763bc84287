package io.querystop.internal.blockhound;

import java.util.List;
import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound that the lock-guarded caches of aws-sdk-java-v2's SigV4 signer do not block an event loop in any
 * way that matters. Found by {@code BlockHound.install()} through {@code ServiceLoader}
 * ({@code META-INF/services/reactor.blockhound.integration.BlockHoundIntegration}); nothing else loads this class, so
 * applications without BlockHound never need it on their class path.
 */
public final class QuerystopBlockHoundIntegration implements BlockHoundIntegration {

    /** A method inside which blocking is allowed: the binary class name and the method's name. */
    record AllowedMethod(String className, String methodName) {
    }

    /**
     * Exactly what is allowed, checked against the SDK's classes by a test. When two event loops sign at once, one
     * parks for the length of a map or deque operation under a lock; there is no I/O.
     */
    static final List<AllowedMethod> ALLOWED = List.of(
        // Signing keys cached in a FifoCache behind a ReentrantReadWriteLock (SignerUtils.deriveSigningKey).
        new AllowedMethod("software.amazon.awssdk.utils.cache.FifoCache", "get"),
        new AllowedMethod("software.amazon.awssdk.utils.cache.FifoCache", "add"),
        // MessageDigests pooled in a LinkedBlockingDeque: taken by getDigest, given back by close (which digest()
        // calls, so close covers it).
        new AllowedMethod("software.amazon.awssdk.checksums.internal.DigestAlgorithm", "getDigest"),
        new AllowedMethod("software.amazon.awssdk.checksums.internal.DigestAlgorithm$CloseableMessageDigest", "close"));

    @Override
    public void applyTo(BlockHound.Builder builder) {
        for (AllowedMethod allowed : ALLOWED) {
            builder.allowBlockingCallsInside(allowed.className(), allowed.methodName());
        }
    }
}
