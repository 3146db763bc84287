package io.querystop.bulk;

import io.querystop.cloudtrail.CancelQueryRequest;
import io.querystop.cloudtrail.CancelQueryResponse;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.cloudtrail.InactiveQueryException;
import io.querystop.cloudtrail.QueryIdNotFoundException;
import io.querystop.neptunedata.BulkLoadIdNotFoundException;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.CancelLoaderJobResponse;
import io.querystop.neptunedata.CancelOpenCypherQueryRequest;
import io.querystop.neptunedata.CancelOpenCypherQueryResponse;
import io.querystop.neptunedata.NeptuneDataClient;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Cancels many queries or loader jobs: a {@code Publisher} of ids (or request records) in, a {@code Flux} with exactly
 * one {@link CancelOutcome} per input out.
 *
 * <pre>{@code
 * ProgressTracker progress = new ProgressTracker();
 * BulkCancel.gremlinQueries(neptune, idsFlux, BulkOptions.defaults().withProgress(progress))
 *     .filter(outcome -> outcome.status() == CancelOutcome.Status.FAILED)
 *     .subscribe(outcome -> log.warn("{} not cancelled: {}", outcome.id(), outcome.error().toString()));
 * }</pre>
 *
 * <p>Ids are requested from the publisher only as slots free up: a slot is a call in flight or an outcome the
 * subscriber has not taken yet, and there are as many as the current in-flight limit (prefetch 0). So at most
 * {@code maxConcurrency} ids are in memory at once, and a slow subscriber stops the pulling of ids. One id's failure
 * is its outcome, never the stream's. An error of the input publisher, or of the client itself (closed, no
 * credentials), ends the stream with that error after the outcomes of the calls already sent. Cancelling the
 * subscription stops pulling ids and aborts the calls in flight; nothing is sent afterwards. The {@code Flux} is cold.
 */
public final class BulkCancel {

    private BulkCancel() {
    }

    public static Flux<CancelOutcome<CancelGremlinQueryResponse>> gremlinQueries(
        NeptuneDataClient client, Publisher<String> queryIds, BulkOptions options) {
        return new BulkEngine<>(queryIds, id -> id, client::cancelGremlinQuery, BulkCancel::neptuneQueryNotRunning,
            options);
    }

    /** @param silent the {@code silent} parameter for every cancel, or {@code null} to leave it out */
    public static Flux<CancelOutcome<CancelOpenCypherQueryResponse>> openCypherQueries(
        NeptuneDataClient client, Publisher<String> queryIds, Boolean silent, BulkOptions options) {
        return new BulkEngine<>(queryIds, id -> id,
            id -> client.cancelOpenCypherQuery(new CancelOpenCypherQueryRequest(id, silent)),
            BulkCancel::neptuneQueryNotRunning, options);
    }

    public static Flux<CancelOutcome<CancelOpenCypherQueryResponse>> openCypherQueryRequests(
        NeptuneDataClient client, Publisher<CancelOpenCypherQueryRequest> requests, BulkOptions options) {
        return new BulkEngine<>(requests, CancelOpenCypherQueryRequest::queryId, client::cancelOpenCypherQuery,
            BulkCancel::neptuneQueryNotRunning, options);
    }

    public static Flux<CancelOutcome<CancelLoaderJobResponse>> loaderJobs(
        NeptuneDataClient client, Publisher<String> loadIds, BulkOptions options) {
        return new BulkEngine<>(loadIds, id -> id, client::cancelLoaderJob,
            error -> error instanceof BulkLoadIdNotFoundException, options);
    }

    public static Flux<CancelOutcome<CancelQueryResponse>> cloudTrailQueries(
        CloudTrailClient client, Publisher<String> queryIds, BulkOptions options) {
        return new BulkEngine<>(queryIds, id -> id, client::cancelQuery, BulkCancel::cloudTrailNotRunning, options);
    }

    /** Cancels every query id with the same event data store and owner account (either may be {@code null}). */
    public static Flux<CancelOutcome<CancelQueryResponse>> cloudTrailQueries(
        CloudTrailClient client, Publisher<String> queryIds, String eventDataStore, String ownerAccountId,
        BulkOptions options) {
        return new BulkEngine<>(queryIds, id -> id,
            id -> client.cancelQuery(new CancelQueryRequest(id, eventDataStore, ownerAccountId)),
            BulkCancel::cloudTrailNotRunning, options);
    }

    public static Flux<CancelOutcome<CancelQueryResponse>> cloudTrailQueryRequests(
        CloudTrailClient client, Publisher<CancelQueryRequest> requests, BulkOptions options) {
        return new BulkEngine<>(requests, CancelQueryRequest::queryId, client::cancelQuery,
            BulkCancel::cloudTrailNotRunning, options);
    }

    /** Neptune answers 400 InvalidParameterException for a query that finished or never existed. */
    static boolean neptuneQueryNotRunning(Throwable error) {
        return error instanceof io.querystop.neptunedata.InvalidParameterException invalid
            && invalid.statusCode() == 400;
    }

    static boolean cloudTrailNotRunning(Throwable error) {
        return error instanceof InactiveQueryException || error instanceof QueryIdNotFoundException;
    }
}
