package io.querystop.sweep;

import io.querystop.CallOptions;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The port a {@link LoadSweep} uses: one Neptune instance's loader. Loads are cancelled on the writer only; a read
 * replica refuses with 405.
 */
public interface LoaderInstance {

    /** The instance's endpoint, as events name it. */
    String endpoint();

    /** The ids of the last loader jobs (Neptune keeps 1,024), queued ones too with {@code includeQueued}. */
    Mono<List<String>> listLoadIds(boolean includeQueued);

    /** A job's overall status, or empty when the instance does not know the id (any more). */
    Mono<LoadStatus> loadStatus(String loadId);

    /** Cancels a job; any value means the service accepted. It must pass {@code options} on to the client. */
    Mono<?> cancelLoad(String loadId, CallOptions options);

    /** Whether a cancel's error means the job is not running ({@code BulkLoadIdNotFoundException}). */
    boolean isNotRunning(Throwable error);

    /** Whether a cancel's error is a read replica's refusal (405: cancel on the writer). */
    boolean isReadReplicaRefusal(Throwable error);
}
