package io.querystop.sweep;

import io.querystop.CallOptions;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The port a {@link NeptuneSweep} uses: one Neptune instance's query listing, status and cancel. Status and
 * cancellation are per instance, so each implementation must talk to one instance endpoint (not the reader
 * endpoint, whose connections go to any replica). {@link NeptuneSweep#over} adapts querystop's
 * {@code NeptuneDataClient}; an application may give its own.
 */
public interface QueryInstance {

    /** The instance's endpoint, as events name it. */
    String endpoint();

    /** The queries of one language this instance runs, and with {@code includeWaiting} those in its queue. */
    Mono<List<ListedQuery>> listQueries(QueryLanguage language, boolean includeWaiting);

    /**
     * Cancels one query on this instance; any value means the service accepted. It must pass {@code options} on to
     * the client (the bulk engine's retries and adaptive concurrency rely on it).
     */
    Mono<?> cancelQuery(QueryLanguage language, String queryId, CallOptions options);

    /** The query's status, or empty once the instance no longer runs it (Neptune: 400 on the status call). */
    Mono<ListedQuery> queryStatus(QueryLanguage language, String queryId);

    /** Whether a cancel's error means the query is not running (Neptune: 400 {@code InvalidParameterException}). */
    boolean isNotRunning(Throwable error);
}
