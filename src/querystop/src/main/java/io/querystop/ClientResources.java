package io.querystop;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

/**
 * What clients share that is costly to have many of: the timer their call deadlines are armed on and, optionally,
 * the event loops they run on. Create one per application and give it to every client's builder
 * ({@link ClientBuilder#resources}); such clients never close it, so close it after the last of them. A client built
 * without resources creates its own and closes them when it is closed. Nothing here starts a thread before it is
 * needed, and nothing is started statically.
 *
 * <pre>{@code
 * try (ClientResources resources = ClientResources.create();
 *      NeptuneDataClient writer = NeptuneDataClient.builder().endpoint(writerEndpoint).resources(resources).build();
 *      NeptuneDataClient reader = NeptuneDataClient.builder().endpoint(readerEndpoint).resources(resources).build()) {
 *     Mono.when(writer.cancelLoaderJob(loadId), reader.cancelGremlinQuery(queryId)).block();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClientResources implements AutoCloseable {

    /** How long {@link #close()} waits for the timer and event loops to stop. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private static final AtomicInteger IDS = new AtomicInteger();

    private final String name;
    private final HashedWheelTimer timer;
    private final Timer sharedTimer;
    private final LoopResources loops;
    private final boolean loopsOwned;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> released = new CompletableFuture<>();

    private ClientResources(Builder builder) {
        this.name = "querystop-" + IDS.incrementAndGet();
        String timerThread = name + "-deadlines";
        // Ticks every 10 ms, plenty for deadlines of seconds or minutes; its thread starts with the first deadline.
        this.timer = new HashedWheelTimer(runnable -> {
            Thread thread = new Thread(runnable, timerThread);
            thread.setDaemon(true);
            return thread;
        }, 10, TimeUnit.MILLISECONDS, 512);
        this.sharedTimer = new SharedTimer(timer);
        this.loopsOwned = builder.loopResources == null && builder.eventLoopThreads > 0;
        this.loops = loopsOwned ? LoopResources.create(name, builder.eventLoopThreads, true) : builder.loopResources;
    }

    /** Resources with their own timer, on Reactor Netty's shared event loops. */
    public static ClientResources create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The hashed-wheel timer clients arm their call deadlines on (one thread, 10 ms ticks). Applications may arm
     * cheap timeouts on it too; it cannot be stopped but by {@link #close()}.
     */
    public Timer timer() {
        return sharedTimer;
    }

    /** The event loops clients run on, or empty for Reactor Netty's shared loops. */
    public Optional<LoopResources> loopResources() {
        return Optional.ofNullable(loops);
    }

    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops the timer and disposes the event loops these resources created (given ones are left alone); completes when
     * they have stopped. Clients still using these resources fail their new calls with {@link IllegalStateException}.
     */
    public Mono<Void> closeLater() {
        return Mono.defer(() -> {
            if (closed.compareAndSet(false, true)) {
                // HashedWheelTimer.stop() joins the timer's thread: never on an event loop.
                Mono.fromRunnable(timer::stop).subscribeOn(Schedulers.boundedElastic())
                    .then(loopsOwned ? loops.disposeLater(Duration.ZERO, DEFAULT_CLOSE_TIMEOUT) : Mono.empty())
                    .subscribe(null, released::completeExceptionally, () -> released.complete(null));
            }
            return Mono.fromFuture(released, true);
        });
    }

    /**
     * Closes as {@link #closeLater()} does and waits up to {@code timeout} for it. On a thread that must not block
     * (an event loop), only starts closing.
     *
     * @return whether everything stopped within {@code timeout}
     */
    public boolean close(Duration timeout) {
        Settings.positive("timeout", timeout);
        closeLater().subscribe(null, error -> { });
        if (Schedulers.isInNonBlockingThread()) {
            return false;
        }
        try {
            released.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes and waits up to {@link #DEFAULT_CLOSE_TIMEOUT}; on an event loop, only starts closing. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /** The prefix of the names of the threads these resources start, for tests that check they end. */
    String name() {
        return name;
    }

    @Override
    public String toString() {
        return "ClientResources[" + name + ", loops=" + (loops == null ? "Reactor Netty's" : loopsOwned ? "own" : "given")
            + (closed.get() ? ", closed" : "") + "]";
    }

    /** The timer as clients see it: stopping it is the owner's business. */
    private static final class SharedTimer implements Timer {
        private final Timer timer;

        SharedTimer(Timer timer) {
            this.timer = timer;
        }

        @Override
        public Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
            return timer.newTimeout(task, delay, unit);
        }

        @Override
        public Set<Timeout> stop() {
            throw new UnsupportedOperationException("the timer of ClientResources stops when they are closed");
        }
    }

    /** Builds {@link ClientResources}. */
    public static final class Builder {

        private LoopResources loopResources;
        private int eventLoopThreads;

        private Builder() {
        }

        /** Event loops to share, e.g. a WebFlux server's. Closing the resources leaves them running. */
        public Builder loopResources(LoopResources loopResources) {
            this.loopResources = loopResources;
            return this;
        }

        /**
         * Event loops of their own with this many threads, disposed when the resources are closed. Default: none,
         * the clients run on Reactor Netty's shared loops.
         */
        public Builder eventLoopThreads(int eventLoopThreads) {
            this.eventLoopThreads = eventLoopThreads;
            return this;
        }

        public ClientResources build() {
            if (eventLoopThreads < 0) {
                throw new InvalidInputException("eventLoopThreads", "must not be negative, was " + eventLoopThreads);
            }
            if (loopResources != null && eventLoopThreads > 0) {
                throw new InvalidInputException("eventLoopThreads", "must not be set together with loopResources");
            }
            return new ClientResources(this);
        }
    }
}
