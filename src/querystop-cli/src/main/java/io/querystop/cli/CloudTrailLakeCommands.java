package io.querystop.cli;

import io.querystop.cloudtrail.DescribeQueryRequest;
import io.querystop.cloudtrail.EventDataStore;
import io.querystop.cloudtrail.ListEventDataStoresRequest;
import io.querystop.cloudtrail.ListEventDataStoresResponse;
import io.querystop.cloudtrail.ListQueriesRequest;
import io.querystop.cloudtrail.ListQueriesResponse;
import io.querystop.cloudtrail.Query;
import io.querystop.cloudtrail.QueryStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The CloudTrail Lake listing commands, named as the AWS CLI names them. The list commands follow {@code NextToken}
 * to the last page and print every item in one answer, as the AWS CLI's automatic pagination does.
 */
final class CloudTrailLakeCommands {

    private CloudTrailLakeCommands() {
    }

    @Command(name = "list-queries", mixinStandardHelpOptions = true,
        description = "Lists an event data store's queries of the last seven days, every page.")
    static final class ListQueries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--event-data-store", paramLabel = "ARN", required = true,
            description = "The event data store's ARN or id.")
        String eventDataStore;
        @Option(names = "--query-status", paramLabel = "STATUS",
            description = "Only queries in this status: QUEUED, RUNNING, FINISHED, FAILED, CANCELLED, TIMED_OUT.")
        String queryStatus;
        @Option(names = "--start-time", paramLabel = "TIME",
            description = "Only queries created at or after TIME (ISO 8601, e.g. 2026-05-01T10:00:00Z, or epoch seconds).")
        String startTime;
        @Option(names = "--end-time", paramLabel = "TIME", description = "Only queries created at or before TIME.")
        String endTime;
        @Option(names = "--page-size", paramLabel = "N", description = "Queries per call, 1 to 1000.")
        Integer pageSize;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("ListQueries", run::cloudTrail, c -> {
                ListQueriesRequest request = new ListQueriesRequest(eventDataStore)
                    .withQueryStatus(queryStatus == null ? null : QueryStatus.of(queryStatus))
                    .withTimeRange(Times.parse("--start-time", startTime), Times.parse("--end-time", endTime))
                    .withMaxResults(pageSize);
                return c.listQueriesPaginator(request)
                    .flatMapIterable(page -> page.queries() == null ? List.<Query>of() : page.queries(), 1)
                    .collectList()
                    .map(queries -> new ListQueriesResponse(queries, null));
            });
        }
    }

    @Command(name = "describe-query", mixinStandardHelpOptions = true,
        description = "Shows a query's status, statistics (bytes scanned, run time) and error.")
    static final class DescribeQuery implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--query-id", paramLabel = "ID", description = "The query (or --query-alias and --refresh-id).")
        String queryId;
        @Option(names = "--query-alias", paramLabel = "ALIAS", description = "A dashboard query's alias.")
        String queryAlias;
        @Option(names = "--refresh-id", paramLabel = "ID", description = "The dashboard refresh's id.")
        String refreshId;
        @Option(names = "--event-data-store-owner-account-id", paramLabel = "ID",
            description = "The event data store owner's account id.")
        String ownerAccountId;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("DescribeQuery", run::cloudTrail, c -> c.describeQuery(
                new DescribeQueryRequest(queryId, null, ownerAccountId, queryAlias, refreshId)));
        }
    }

    @Command(name = "list-event-data-stores", mixinStandardHelpOptions = true,
        description = "Lists the account's event data stores in the region, every page.")
    static final class ListEventDataStores implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--page-size", paramLabel = "N", description = "Stores per call, 1 to 1000.")
        Integer pageSize;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("ListEventDataStores", run::cloudTrail, c -> c.listEventDataStoresPaginator(
                    new ListEventDataStoresRequest(null, pageSize))
                .flatMapIterable(page -> page.eventDataStores() == null ? List.<EventDataStore>of()
                    : page.eventDataStores(), 1)
                .collectList()
                .map(stores -> new ListEventDataStoresResponse(stores, null)));
        }
    }
}
