package io.querystop.internal.http;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whole-call deadlines on one hashed-wheel timer. Every call arms one and nearly every call cancels it, so arming and
 * cancelling must be cheap: a wheel does both in constant time without a lock, where a scheduled executor takes a
 * lock and re-sorts its heap twice per call. The wheel ticks every 10 ms, plenty for deadlines of seconds or
 * minutes. Only a deadline that fires costs more: its signal moves to Reactor's parallel scheduler, so that nothing
 * downstream runs on the timer's one thread.
 */
final class CallDeadlines {

    private static final HashedWheelTimer TIMER = new HashedWheelTimer(runnable -> {
        Thread thread = new Thread(runnable, "querystop-call-deadlines");
        thread.setDaemon(true);
        return thread;
    }, 10, TimeUnit.MILLISECONDS, 512);

    private CallDeadlines() {
    }

    /** Emits once when {@code after} has passed; cancelling it disarms the timer. */
    static Mono<Long> after(Duration after) {
        long nanos = after.toNanos();
        return Mono.create(sink -> {
            Timeout timeout = TIMER.newTimeout(fired -> Schedulers.parallel().schedule(() -> sink.success(0L)),
                nanos, TimeUnit.NANOSECONDS);
            sink.onCancel(timeout::cancel);
        });
    }
}
