package io.querystop.sweep;

import io.querystop.CallOptions;
import io.querystop.neptunedata.CancelGremlinQueryRequest;
import io.querystop.neptunedata.CancelLoaderJobRequest;
import io.querystop.neptunedata.CancelOpenCypherQueryRequest;
import io.querystop.neptunedata.GetGremlinQueryStatusRequest;
import io.querystop.neptunedata.GetOpenCypherQueryStatusRequest;
import io.querystop.neptunedata.GremlinQueryStatus;
import io.querystop.neptunedata.ListGremlinQueriesRequest;
import io.querystop.neptunedata.ListLoaderJobsRequest;
import io.querystop.neptunedata.ListOpenCypherQueriesRequest;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.neptunedata.QueryEvalStats;
import io.querystop.neptunedata.errors.MethodNotAllowedException;
import io.querystop.neptunedata.errors.NeptuneDataErrors;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The sweep ports over one {@link NeptuneDataClient} whose endpoint is one instance: its queries and its loader. The
 * client is the caller's: not closed here.
 */
record NeptuneClientInstance(String endpoint, NeptuneDataClient client) implements QueryInstance, LoaderInstance {

    /** One port per entry, in the map's order. */
    static List<NeptuneClientInstance> of(java.util.Map<String, ? extends NeptuneDataClient> clients) {
        if (clients == null || clients.isEmpty()) {
            throw new io.querystop.InvalidInputException("clients", "must name at least one instance");
        }
        List<NeptuneClientInstance> instances = new ArrayList<>();
        clients.forEach((endpoint, client) -> {
            if (endpoint == null || client == null) {
                throw new io.querystop.InvalidInputException("clients", "must not hold a null endpoint or client");
            }
            instances.add(new NeptuneClientInstance(endpoint, client));
        });
        return instances;
    }

    /** {@code ListLoaderJobs} answers at most this many ids (the newest); it has no paging. */
    static final int LOAD_IDS = 100;

    @Override
    public Mono<List<ListedQuery>> listQueries(QueryLanguage language, boolean includeWaiting) {
        return switch (language) {
            case GREMLIN -> client.listGremlinQueries(new ListGremlinQueriesRequest(includeWaiting))
                .map(response -> listed(response.queries()));
            case OPEN_CYPHER -> client.listOpenCypherQueries(new ListOpenCypherQueriesRequest(includeWaiting))
                .map(response -> listed(response.queries()));
        };
    }

    private static List<ListedQuery> listed(List<GremlinQueryStatus> queries) {
        List<ListedQuery> listed = new ArrayList<>();
        if (queries != null) {
            for (GremlinQueryStatus query : queries) {
                if (query != null && query.queryId() != null) {
                    listed.add(listed(query.queryId(), query.queryString(), query.queryEvalStats()));
                }
            }
        }
        return listed;
    }

    private static ListedQuery listed(String queryId, String queryString, QueryEvalStats stats) {
        long waited = stats == null || stats.waited() == null ? 0 : stats.waited();
        long elapsed = stats == null || stats.elapsed() == null ? 0 : stats.elapsed();
        boolean cancelled = stats != null && Boolean.TRUE.equals(stats.cancelled());
        return new ListedQuery(queryId, queryString, waited, elapsed, cancelled);
    }

    @Override
    public Mono<?> cancelQuery(QueryLanguage language, String queryId, CallOptions options) {
        return switch (language) {
            case GREMLIN -> client.cancelGremlinQuery(new CancelGremlinQueryRequest(queryId), options);
            case OPEN_CYPHER -> client.cancelOpenCypherQuery(new CancelOpenCypherQueryRequest(queryId), options);
        };
    }

    @Override
    public Mono<ListedQuery> queryStatus(QueryLanguage language, String queryId) {
        Mono<ListedQuery> status = switch (language) {
            case GREMLIN -> client.getGremlinQueryStatus(new GetGremlinQueryStatusRequest(queryId))
                .map(response -> listed(queryId, response.queryString(), response.queryEvalStats()));
            case OPEN_CYPHER -> client.getOpenCypherQueryStatus(new GetOpenCypherQueryStatusRequest(queryId))
                .map(response -> listed(queryId, response.queryString(), response.queryEvalStats()));
        };
        // the proof a query stopped: its status call answers 400
        return status.onErrorResume(NeptuneDataErrors::isNotRunning, error -> Mono.empty());
    }

    @Override
    public boolean isNotRunning(Throwable error) {
        return NeptuneDataErrors.isNotRunning(error) || NeptuneDataErrors.isLoaderJobNotFound(error);
    }

    @Override
    public Mono<List<String>> listLoadIds(boolean includeQueued) {
        return client.listLoaderJobs(new ListLoaderJobsRequest(LOAD_IDS, includeQueued))
            .map(response -> response.payload() == null || response.payload().loadIds() == null ? List.<String>of()
                : response.payload().loadIds());
    }

    @Override
    public Mono<LoadStatus> loadStatus(String loadId) {
        // the service's time as this answer's Date header told it: ages free of local clock skew
        return client.getLoaderJobStatus(loadId)
            .map(response -> new LoadStatus(loadId, response.loadStatus(), response.startTime(),
                client.serverClock().instant()))
            .onErrorResume(NeptuneDataErrors::isLoaderJobNotFound, error -> Mono.empty());
    }

    @Override
    public Mono<?> cancelLoad(String loadId, CallOptions options) {
        return client.cancelLoaderJob(new CancelLoaderJobRequest(loadId), options);
    }

    @Override
    public boolean isReadReplicaRefusal(Throwable error) {
        return error instanceof MethodNotAllowedException refused && refused.statusCode() == 405;
    }
}
