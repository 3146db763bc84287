package io.querystop.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak detector at PARANOID (set by the build), with every report recorded so that a test can fail on it
 * instead of the report only reaching a log.
 */
public final class LeakRecorder {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    private LeakRecorder() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                       long maxActive) {
                return new ResourceLeakDetector<>(resource, samplingInterval) {
                    @Override
                    protected void reportTracedLeak(String resourceType, String records) {
                        LEAKS.add(resourceType + " leaked:" + records);
                        super.reportTracedLeak(resourceType, records);
                    }

                    @Override
                    protected void reportUntracedLeak(String resourceType) {
                        LEAKS.add(resourceType + " leaked (untraced)");
                        super.reportUntracedLeak(resourceType);
                    }
                };
            }
        });
        installed = true;
    }

    /**
     * Runs the garbage collector and allocates tracked buffers, which is when Netty's detector reports what was
     * collected unreleased; returns and forgets the reports.
     */
    public static List<String> collect() {
        for (int round = 0; round < 3; round++) {
            collectGarbage();
            for (int i = 0; i < 8; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(16);
                probe.release();
            }
        }
        return drain();
    }

    /**
     * A garbage collection, waited for until the JVM has queued the references it cleared: a sentinel's reference
     * reaching its queue says so, where Netty's leak records reach theirs.
     */
    private static void collectGarbage() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        try {
            for (int attempt = 0; attempt < 10; attempt++) {
                System.gc();
                if (queue.remove(100) == sentinel) {
                    return;
                }
            }
            throw new AssertionError("no garbage collection cleared the sentinel within ten tries");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reports made so far, without provoking new ones. */
    public static List<String> drain() {
        List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.removeAll(leaks);
        return leaks;
    }
}
