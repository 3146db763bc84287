package io.querystop.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Reactor's virtual clock (as {@code StepVerifier.withVirtualTime} installs it) that also records the delay of every
 * timed task scheduled on it. A retry's backoff is such a task, so a test can wait until a retry is really waiting on
 * the timer, and read how long it chose to wait, instead of guessing with real time.
 *
 * <p>Wait for the backoff before moving the clock. The clock defers a move made while nothing is scheduled until the
 * next task, but only then: Reactor Netty 1.2.6 arms its pool's background eviction on {@code Schedulers.parallel()}
 * when the pool is created, which inside virtual time is this clock (1.3.7 was not seen doing so). With that task queued, a move made before the
 * backoff is armed is spent at once, and the backoff, armed just after, waits for a move that never comes. Reactor
 * Netty's own tasks are therefore not recorded here.
 *
 * <pre>{@code
 * RecordingVirtualTimeScheduler clock = new RecordingVirtualTimeScheduler();
 * StepVerifier.withVirtualTime(() -> call, () -> VirtualTimeScheduler.getOrSet(clock), Long.MAX_VALUE)
 *     .then(() -> assertThat(clock.awaitDelays(1, RecordingVirtualTimeScheduler.BACKOFF)).isTrue())
 *     ...
 * }</pre>
 */
public final class RecordingVirtualTimeScheduler extends VirtualTimeScheduler {

    /**
     * Delays under a minute: backoffs (whose ceiling is 20 s), not call deadlines, which tests using this set to an
     * hour in case a deadline is ever armed on Reactor's timer.
     */
    public static final Predicate<Duration> BACKOFF = delay -> delay.compareTo(Duration.ofMinutes(1)) < 0;

    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    public RecordingVirtualTimeScheduler() {
        super(true); // as withVirtualTime's own: a clock move made while nothing is scheduled waits for the next task
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        if (!task.getClass().getName().startsWith("reactor.netty.")) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
        }
        return super.schedule(task, delay, unit);
    }

    /** The delays of the timed tasks scheduled so far that match, in order. */
    public List<Duration> delays(Predicate<Duration> which) {
        return delays.stream().filter(which).toList();
    }

    /** Delays up to {@code ceiling}: a backoff under that ceiling (a backoff is drawn below its ceiling). */
    public static Predicate<Duration> atMost(Duration ceiling) {
        return delay -> delay.compareTo(ceiling) <= 0;
    }

    /** Whether at least {@code count} matching timed tasks were scheduled within {@link Await#DEFAULT_TIMEOUT}. */
    public boolean awaitDelays(int count, Predicate<Duration> which) {
        return Await.until(() -> delays(which).size() >= count);
    }
}
