package io.querystop.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told, for deterministic ages: give it to {@link Emulator.Builder#queryClock(Clock)}
 * (or {@link EmulatedCluster.Builder#queryClock(Clock)}) and {@link #advance(Duration)} it to age queries, loads and
 * CloudTrail queries and to let cancellations take effect. Thread-safe; its zone is UTC.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.startingAt(Instant.now());
 * try (Emulator emulator = Emulator.builder().queryClock(clock).cancellationDelay(Duration.ofSeconds(5)).start()) {
 *     emulator.addQuery(QuerySeed.gremlin("q-1", "g.V().count()"));
 *     clock.advance(Duration.ofMinutes(10));     // q-1 now lists "elapsed": 600000
 * }
 * }</pre>
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;

    private ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock standing at {@code start} until advanced. */
    public static ManualClock startingAt(Instant start) {
        return new ManualClock(start);
    }

    /** Moves the clock forward (or back, with a negative duration); returns the new time. */
    public Instant advance(Duration duration) {
        return now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Sets the clock to this instant. */
    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ManualClock is always UTC");
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
