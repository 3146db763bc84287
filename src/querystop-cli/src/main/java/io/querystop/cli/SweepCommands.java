package io.querystop.cli;

import io.querystop.Timeouts;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.ProgressTracker;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.sweep.CloudTrailSweep;
import io.querystop.sweep.LoadSweep;
import io.querystop.sweep.Mode;
import io.querystop.sweep.NeptuneSweep;
import io.querystop.sweep.QueryLanguage;
import io.querystop.sweep.Selection;
import io.querystop.sweep.SweepEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;

/** {@code neptunedata sweep}, {@code neptunedata sweep-loads} and {@code cloudtrail sweep}: find, cancel, confirm. */
final class SweepCommands {

    /** Answers the sweep's clients read: a listing of 8,192 waiting queries of 1,024 characters is about 10 MB. */
    static final long LISTING_BYTES = 32L * 1024 * 1024;

    private SweepCommands() {
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Lists the Gremlin and openCypher queries of every instance given (--endpoint-url, repeated: "
            + "one per instance, not the reader endpoint), selects those at least --older-than old (waited + elapsed), "
            + "cancels each through the instance that runs it, and with --confirm waits until it is gone. One JSON "
            + "line per selected query on stdout; a summary per instance on stderr.")
    static final class Queries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SweepFlags flags;
        @Option(names = "--language", paramLabel = "LANGUAGE", defaultValue = "all",
            description = "gremlin, opencypher or all (default).")
        String language;
        @Option(names = "--include-waiting", description = "Also select queries still waiting in the queue.")
        boolean includeWaiting;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            Selection selection = flags.selection(Duration.ofMinutes(5)).withIncludeWaiting(includeWaiting)
                .withLanguages(languages(language));
            return sweep(run, "sweep", flags, options -> clients -> {
                Map<String, NeptuneDataClient> instances = new LinkedHashMap<>();
                for (String endpoint : endpoints(run)) {
                    instances.put(endpoint, clients.add(run.neptune(endpoint, LISTING_BYTES)));
                }
                NeptuneSweep sweep = NeptuneSweep.over(instances).withBulkOptions(options);
                return flags.watch != null ? sweep.watch(selection, flags.mode(), flags.watch)
                    : sweep.run(selection, flags.mode());
            });
        }

        private static java.util.Set<QueryLanguage> languages(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "gremlin" -> java.util.EnumSet.of(QueryLanguage.GREMLIN);
                case "opencypher" -> java.util.EnumSet.of(QueryLanguage.OPEN_CYPHER);
                case "all" -> java.util.EnumSet.allOf(QueryLanguage.class);
                default -> throw new CliException(CliException.USAGE, "querystop: error: argument --language: "
                    + "must be gremlin, opencypher or all, was " + value, null);
            };
        }
    }

    @Command(name = "sweep-loads", mixinStandardHelpOptions = true,
        description = "Lists the loader jobs of the writer (--endpoint-url), reads each one's status, selects the "
            + "jobs not ended that started at least --older-than ago, cancels them, and with --confirm waits until "
            + "they have ended. A read replica refuses (405): such outcomes are failed with details.reason "
            + "read_replica.")
    static final class Loads implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SweepFlags flags;
        @Option(names = "--include-waiting", description = "Also list queued loads.")
        boolean includeWaiting;

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            Selection selection = flags.selection(Duration.ofHours(1)).withIncludeWaiting(includeWaiting);
            return sweep(run, "sweep-loads", flags, options -> clients -> {
                Map<String, NeptuneDataClient> instances = new LinkedHashMap<>();
                for (String endpoint : endpoints(run)) {
                    instances.put(endpoint, clients.add(run.neptune(endpoint, LISTING_BYTES)));
                }
                LoadSweep sweep = LoadSweep.over(instances).withBulkOptions(options);
                return flags.watch != null ? sweep.watch(selection, flags.mode(), flags.watch)
                    : sweep.run(selection, flags.mode());
            });
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Lists the QUEUED and RUNNING queries of the event data stores given (all of the account's "
            + "without --event-data-store), selects those created at least --older-than ago, cancels them, and with "
            + "--confirm describes each until its status is final.")
    static final class Trail implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SweepFlags flags;
        @Option(names = "--event-data-store", paramLabel = "ARN",
            description = "An event data store (ARN or id); repeatable. Default: every one ListEventDataStores gives.")
        List<String> eventDataStores = new ArrayList<>();

        @Override
        public Integer call() {
            Execution run = new Execution(spec);
            Selection selection = flags.selection(Duration.ofMinutes(30));
            return sweep(run, "cloudtrail sweep", flags, options -> clients -> {
                CloudTrailSweep sweep = CloudTrailSweep.over(clients.add(run.cloudTrail()), eventDataStores)
                    .withBulkOptions(options);
                return flags.watch != null ? sweep.watch(selection, flags.mode(), flags.watch)
                    : sweep.run(selection, flags.mode());
            });
        }
    }

    /** The instance endpoints: every {@code --endpoint-url}. */
    private static List<String> endpoints(Execution run) {
        if (run.global.endpointUrls.isEmpty()) {
            throw new CliException(CliException.USAGE,
                "querystop: error: argument --endpoint-url is required for neptunedata commands", null);
        }
        return run.global.endpointUrls;
    }

    /** The clients a sweep opened, closed at its end. */
    static final class Clients implements AutoCloseable {
        private final List<AutoCloseable> open = new ArrayList<>();

        <C extends AutoCloseable> C add(C client) {
            open.add(client);
            return client;
        }

        @Override
        public void close() {
            for (AutoCloseable client : open) {
                try {
                    client.close();
                } catch (Exception e) {
                    // closing is best effort at the end of the run
                }
            }
        }
    }

    private static int sweep(Execution run, String operation, SweepFlags flags,
                             Function<BulkOptions, Function<Clients, Flux<SweepEvent>>> sweep) {
        try (Clients clients = new Clients()) {
            flags.mode(); // usage errors before any client is built
            ProgressTracker progress = new ProgressTracker();
            Flux<SweepEvent> events = sweep.apply(flags.bulkOptions().withProgress(progress)).apply(clients);
            Duration grace = flags.gracePeriod != null ? Duration.ofSeconds(Math.max(0, flags.gracePeriod))
                : run.global.readTimeout != null ? Duration.ofSeconds(run.global.readTimeout)
                : Timeouts.defaults().response();
            return new SweepRun(operation, run.root.out, run.root.err, run.root.signals, grace).run(events, progress);
        } catch (Exception e) {
            return run.fail(operation, e);
        }
    }
}
