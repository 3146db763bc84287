package io.querystop.sweep;

import io.querystop.CallOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An in-memory {@link LoaderInstance}: jobs with a status and a start time on the service's clock, which runs
 * {@link #skewMillis} ahead of Reactor's (virtual) clock; a replica refuses cancels (405), the writer marks the job
 * {@code LOAD_CANCELLED_BY_USER}.
 */
final class FakeLoader implements LoaderInstance {

    static final class NotFound extends RuntimeException {
        NotFound(String id) {
            super("no such load: " + id);
        }
    }

    static final class ReadReplica extends RuntimeException {
        ReadReplica() {
            super("Load cancellation is not permitted on a read replica instance");
        }
    }

    private record Job(String status, Long startTime) {
    }

    private final String endpoint;
    private final boolean replica;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    final List<String> cancels = new CopyOnWriteArrayList<>();
    final List<Boolean> listedQueued = new CopyOnWriteArrayList<>();
    volatile Long skewMillis = 0L; // null: the answers do not say what time it is

    FakeLoader(String endpoint, boolean replica) {
        this.endpoint = endpoint;
        this.replica = replica;
    }

    static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }

    /** A job started {@code ageSeconds} ago on the service's clock. */
    FakeLoader job(String id, String status, long ageSeconds) {
        long serverNow = skewMillis == null ? 0 : skewMillis; // the tests run from virtual time 0
        jobs.put(id, new Job(status, serverNow / 1000 - ageSeconds));
        order.add(id);
        return this;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public Mono<List<String>> listLoadIds(boolean includeQueued) {
        listedQueued.add(includeQueued);
        return Mono.just(new ArrayList<>(order));
    }

    @Override
    public Mono<LoadStatus> loadStatus(String loadId) {
        return Mono.defer(() -> {
            Job job = jobs.get(loadId);
            Instant serverTime = skewMillis == null ? null : Instant.ofEpochMilli(now() + skewMillis);
            return job == null ? Mono.empty() : Mono.just(new LoadStatus(loadId, job.status(), job.startTime(), serverTime));
        });
    }

    @Override
    public Mono<?> cancelLoad(String loadId, CallOptions options) {
        return Mono.defer(() -> {
            cancels.add(loadId);
            if (replica) {
                return Mono.error(new ReadReplica());
            }
            Job job = jobs.get(loadId);
            if (job == null) {
                return Mono.error(new NotFound(loadId));
            }
            jobs.put(loadId, new Job("LOAD_CANCELLED_BY_USER", job.startTime()));
            return Mono.just("200 OK");
        });
    }

    @Override
    public boolean isNotRunning(Throwable error) {
        return error instanceof NotFound;
    }

    @Override
    public boolean isReadReplicaRefusal(Throwable error) {
        return error instanceof ReadReplica;
    }
}
