package io.querystop.cli;

import io.querystop.neptunedata.CancelOpenCypherQueryRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code querystop neptunedata ...}: the Neptune data API commands, named as the AWS CLI names them; the tree is
 * {@link CommandTree}.
 */
@Command(name = "neptunedata", description = "Amazon Neptune data API.", mixinStandardHelpOptions = true)
final class NeptuneDataCommands {

    /** One query id, or a file of them; shared by the Neptune and CloudTrail commands. */
    static final class QueryIds {
        @Option(names = "--query-id", paramLabel = "ID", required = true, description = "The query to act on.")
        String queryId;

        @Option(names = "--query-ids-file", paramLabel = "FILE", required = true,
            description = "Act on every id in FILE (one per line, '#' comments; '-' reads standard input): one "
                + "outcome line each, with its line number; a line that cannot be an id (not UTF-8, control "
                + "characters, over 1024 characters) gets a failed one and the run goes on.")
        String file;
    }

    @Command(name = "cancel-gremlin-query", description = "Cancels a Gremlin query (or every one in a file).",
        mixinStandardHelpOptions = true)
    static final class CancelGremlinQuery implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1")
        QueryIds ids;
        @Mixin
        BulkFlags bulk;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return ids.file == null
                ? run.single("CancelGremlinQuery", run::neptune, c -> c.cancelGremlinQuery(ids.queryId))
                : run.bulk("CancelGremlinQuery", "--query-ids-file", ids.file, bulk, run::neptune,
                    (client, options) -> flux -> client.cancelGremlinQueries(flux, options));
        }
    }

    @Command(name = "cancel-open-cypher-query", description = "Cancels an openCypher query (or every one in a file).",
        mixinStandardHelpOptions = true)
    static final class CancelOpenCypherQuery implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1")
        QueryIds ids;
        @Option(names = "--silent", negatable = true,
            description = "Cancel silently: the query's caller gets an empty result (--no-silent: an error).")
        Boolean silent;
        @Mixin
        BulkFlags bulk;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return ids.file == null
                ? run.single("CancelOpenCypherQuery", run::neptune,
                    c -> c.cancelOpenCypherQuery(new CancelOpenCypherQueryRequest(ids.queryId, silent)))
                : run.bulk("CancelOpenCypherQuery", "--query-ids-file", ids.file, bulk, run::neptune,
                    (client, options) -> flux -> client.cancelOpenCypherQueries(flux, silent, options));
        }
    }

    @Command(name = "cancel-loader-job", description = "Cancels a bulk-loader job (or every one in a file).",
        mixinStandardHelpOptions = true)
    static final class CancelLoaderJob implements Callable<Integer> {
        /** One load id, or a file of them. */
        static final class LoadIds {
            @Option(names = "--load-id", paramLabel = "ID", required = true, description = "The load to cancel.")
            String loadId;

            @Option(names = "--load-ids-file", paramLabel = "FILE", required = true,
                description = "Cancel every id in FILE (one per line, '#' comments; '-' reads standard input): "
                    + "one outcome line each, with its line number; a line that cannot be an id gets a failed one.")
            String file;
        }

        @Spec
        CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1")
        LoadIds ids;
        @Mixin
        BulkFlags bulk;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return ids.file == null
                ? run.single("CancelLoaderJob", run::neptune, c -> c.cancelLoaderJob(ids.loadId))
                : run.bulk("CancelLoaderJob", "--load-ids-file", ids.file, bulk, run::neptune,
                    (client, options) -> flux -> client.cancelLoaderJobs(flux, options));
        }
    }

    @Command(name = "get-open-cypher-query-status", description = "Shows an openCypher query's status.",
        mixinStandardHelpOptions = true)
    static final class GetOpenCypherQueryStatus implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--query-id", paramLabel = "ID", required = true, description = "The query.")
        String queryId;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            return run.single("GetOpenCypherQueryStatus", run::neptune, c -> c.getOpenCypherQueryStatus(queryId));
        }
    }
}
