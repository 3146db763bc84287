package io.querystop.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Closes the clients the auto-configuration built, at the right moment of shutdown: after the web server has stopped
 * taking requests (its lifecycle phases are higher, so they stop first) and before Boot's {@code ReactorResourceFactory}
 * (phase 0) disposes the event loops the clients run on, so that calls in flight can finish. Their beans' own
 * {@code close()} at destruction then finds them closed.
 */
final class ClientShutdown implements SmartLifecycle {

    /** Below the web server's phases, above the {@code ReactorResourceFactory}'s 0. */
    static final int PHASE = 1024;

    private final Duration timeout;
    private final List<Function<Duration, Boolean>> closers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    ClientShutdown(Duration timeout) {
        this.timeout = timeout;
    }

    /** Registers what closes one client within a bound, e.g. {@code client::close}. */
    void add(Function<Duration, Boolean> closer) {
        closers.add(closer);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Closes every client at once, each waiting for its own calls in flight within the one timeout. */
    @Override
    public void stop() {
        running = false;
        Flux.fromIterable(closers)
            .flatMap(closer -> Mono.fromCallable(() -> closer.apply(timeout)).subscribeOn(Schedulers.boundedElastic()))
            .then()
            .block(timeout.plusSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
