package io.querystop.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling helpers for conditions that other threads make true. */
public final class Await {

    private Await() {
    }

    /** Whether the condition became true within 5 seconds. */
    public static boolean until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Whether the condition held throughout the given time. */
    public static boolean holdsFor(Duration duration, BooleanSupplier condition) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            if (!condition.getAsBoolean()) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
