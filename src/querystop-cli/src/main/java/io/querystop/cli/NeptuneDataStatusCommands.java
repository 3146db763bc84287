package io.querystop.cli;

import io.querystop.neptunedata.GetLoaderJobStatusRequest;
import io.querystop.neptunedata.ListGremlinQueriesRequest;
import io.querystop.neptunedata.ListLoaderJobsRequest;
import io.querystop.neptunedata.ListOpenCypherQueriesRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Neptune listing and status commands, named as the AWS CLI names them. Status is per instance: each command
 * describes the instance behind {@code --endpoint-url}.
 */
final class NeptuneDataStatusCommands {

    private NeptuneDataStatusCommands() {
    }

    @Command(name = "list-gremlin-queries", mixinStandardHelpOptions = true,
        description = "Lists the Gremlin queries running on the instance (and waiting ones with --include-waiting).")
    static final class ListGremlinQueries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--include-waiting", negatable = true, description = "Include the queries waiting in the queue.")
        Boolean includeWaiting;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("ListGremlinQueries", run::neptune,
                c -> c.listGremlinQueries(new ListGremlinQueriesRequest(includeWaiting)));
        }
    }

    @Command(name = "get-gremlin-query-status", mixinStandardHelpOptions = true,
        description = "Shows a Gremlin query's status.")
    static final class GetGremlinQueryStatus implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--query-id", paramLabel = "ID", required = true, description = "The query.")
        String queryId;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("GetGremlinQueryStatus", run::neptune, c -> c.getGremlinQueryStatus(queryId));
        }
    }

    @Command(name = "list-open-cypher-queries", mixinStandardHelpOptions = true,
        description = "Lists the openCypher queries running on the instance (and waiting ones with --include-waiting).")
    static final class ListOpenCypherQueries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--include-waiting", negatable = true, description = "Include the queries waiting in the queue.")
        Boolean includeWaiting;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("ListOpenCypherQueries", run::neptune,
                c -> c.listOpenCypherQueries(new ListOpenCypherQueriesRequest(includeWaiting)));
        }
    }

    @Command(name = "get-engine-status", mixinStandardHelpOptions = true,
        description = "Shows the instance's status, role (writer or reader), versions and settings.")
    static final class GetEngineStatus implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("GetEngineStatus", run::neptune, c -> c.getEngineStatus());
        }
    }

    @Command(name = "list-loader-jobs", mixinStandardHelpOptions = true,
        description = "Lists the ids of the last loader jobs.")
    static final class ListLoaderJobs implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--limit", paramLabel = "N", description = "At most N ids, 1 to 100 (the service's default: 100).")
        Integer limit;
        @Option(names = "--include-queued-loads", negatable = true, description = "Include queued loads.")
        Boolean includeQueuedLoads;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("ListLoaderJobs", run::neptune,
                c -> c.listLoaderJobs(new ListLoaderJobsRequest(limit, includeQueuedLoads)));
        }
    }

    @Command(name = "get-loader-job-status", mixinStandardHelpOptions = true, description = "Shows a loader job's status.")
    static final class GetLoaderJobStatus implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--load-id", paramLabel = "ID", required = true, description = "The load.")
        String loadId;
        @Option(names = "--details", negatable = true, description = "Include details beyond the overall status.")
        Boolean details;
        @Option(names = "--errors", negatable = true, description = "Include the list of errors.")
        Boolean errors;
        @Option(names = "--page", paramLabel = "N", description = "The page of errors, 1 or more.")
        Integer page;
        @Option(names = "--errors-per-page", paramLabel = "N", description = "Errors per page, 1 or more.")
        Integer errorsPerPage;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("GetLoaderJobStatus", run::neptune,
                c -> c.getLoaderJobStatus(new GetLoaderJobStatusRequest(loadId, details, errors, page, errorsPerPage)));
        }
    }
}
