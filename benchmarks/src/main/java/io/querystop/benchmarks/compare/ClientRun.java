package io.querystop.benchmarks.compare;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * One client's run, in a JVM of its own (started by {@link Compare}): a warm-up pass, then the measured pass, then one
 * {@code RESULT} line on stdout. Everything measured is of this process only, the server being in another.
 *
 * <p>Usage: {@code ClientRun <client> <endpoint> <ids> <warmup> <concurrency>}
 */
public final class ClientRun {

    public static void main(String[] args) throws Exception {
        String client = args[0];
        String endpoint = args[1];
        int ids = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);

        // Made before measuring, so that neither their cost nor their memory counts against a client.
        String[] queryIds = new String[warmup + ids];
        for (int i = 0; i < queryIds.length; i++) {
            queryIds[i] = String.format("00000000-0000-4000-8000-%012d", i);
        }
        long[] warmupLatencies = new long[warmup];
        long[] latencies = new long[ids];

        try (Driver driver = Driver.create(client, endpoint, concurrency)) {
            long warmedUp = driver.run(queryIds, 0, warmup, warmupLatencies);
            if (warmedUp != warmup) {
                throw new IllegalStateException(client + ": " + (warmup - warmedUp) + " warm-up calls not cancelled");
            }
            System.gc();
            HeapPeak heap = HeapPeak.start();
            com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Map<Long, Long> allocatedBefore = allocatedPerThread();
            long cpuBefore = os.getProcessCpuTime();
            System.out.println("MEASURING"); // tells the serving process to read its own CPU time
            System.out.flush();
            long start = System.nanoTime();

            long cancelled = driver.run(queryIds, warmup, ids, latencies);

            long wall = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            System.out.println("MEASURED");
            System.out.flush();
            long allocated = allocatedSince(allocatedBefore);
            long peakHeap = heap.stop();
            Arrays.sort(latencies);
            System.out.printf("RESULT %s %d %d %d %d %d %d %d %d %d%n", client, ids, cancelled, wall, cpu, allocated,
                latencies[(int) (ids * 0.50)], latencies[Math.min(ids - 1, (int) (ids * 0.99))], peakHeap,
                heap.collections());
            if (Boolean.getBoolean("percentiles")) {
                for (double q : new double[] {0.5, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999}) {
                    System.out.printf("p%s %.2f ms%n", q * 100, latencies[(int) (ids * q)] / 1e6);
                }
                System.out.printf("max %.2f ms%n", latencies[ids - 1] / 1e6);
            }
        }
    }

    private static Map<Long, Long> allocatedPerThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> allocated = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                allocated.put(ids[i], bytes[i]);
            }
        }
        return allocated;
    }

    /** Bytes allocated by all live threads since {@code before} (threads that ended meanwhile are not counted). */
    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocatedPerThread().entrySet()) {
            total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    /** The heap's peak: the most used just before any collection in the window, or at its end. */
    private static final class HeapPeak {
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
        private final AtomicLong peak = new AtomicLong();
        private final AtomicInteger collections = new AtomicInteger();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                peak.accumulateAndGet(used, Math::max);
                collections.incrementAndGet();
            }
        };

        static HeapPeak start() {
            HeapPeak heap = new HeapPeak();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(heap.listener, null, null);
            }
            heap.peak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            return heap;
        }

        long stop() throws Exception {
            Thread.sleep(100); // notifications arrive on a service thread
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            }
            return Math.max(peak.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        int collections() {
            return collections.get();
        }
    }
}
