package io.querystop.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling for a condition that another thread makes true, for the few states no latch or queue can signal
 * (pool figures, emulator counters). Between checks the caller parks, from 50 µs up to 10 ms, so that a wait does not
 * take one of the machine's two cores from the threads it is waiting for.
 */
public final class Await {

    /** How long {@link #until(BooleanSupplier)} waits: long enough for a 2-core machine at a load of ~20. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final long FIRST_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Await() {
    }

    /** Whether the condition became true within {@link #DEFAULT_TIMEOUT}. */
    public static boolean until(BooleanSupplier condition) {
        return until(DEFAULT_TIMEOUT, condition);
    }

    /** Whether the condition became true within the timeout. */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long park = FIRST_PARK_NANOS;
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(park, left));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
            park = Math.min(park * 2, MAX_PARK_NANOS);
        }
        return true;
    }
}
