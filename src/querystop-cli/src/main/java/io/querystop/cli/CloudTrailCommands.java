package io.querystop.cli;

import io.querystop.cloudtrail.CancelQueryRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code querystop cloudtrail ...}: the CloudTrail Lake commands, named as the AWS CLI names them; the tree is
 * {@link CommandTree}.
 */
@Command(name = "cloudtrail", description = "AWS CloudTrail Lake.", mixinStandardHelpOptions = true)
final class CloudTrailCommands {

    @Command(name = "cancel-query", description = "Cancels a CloudTrail Lake query (or every one in a file).",
        mixinStandardHelpOptions = true)
    static final class CancelQuery implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1")
        NeptuneDataCommands.QueryIds ids;
        @Option(names = "--event-data-store", paramLabel = "ARN", description = "The event data store's ARN or id.")
        String eventDataStore;
        @Option(names = "--event-data-store-owner-account-id", paramLabel = "ID",
            description = "The event data store owner's account id.")
        String ownerAccountId;
        @Mixin
        BulkFlags bulk;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            if (ids.file == null) {
                return run.single("CancelQuery", run::cloudTrail,
                    c -> c.cancelQuery(new CancelQueryRequest(ids.queryId, eventDataStore, ownerAccountId)));
            }
            return run.bulk("CancelQuery", "--query-ids-file", ids.file, bulk, run::cloudTrail,
                (client, options) -> flux -> client.cancelQueries(flux, eventDataStore,
                    ownerAccountId, options));
        }
    }
}
