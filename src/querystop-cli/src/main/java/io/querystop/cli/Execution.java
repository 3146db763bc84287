package io.querystop.cli;

import io.querystop.AwsServiceException;
import io.querystop.InvalidInputException;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.CancelOutcome;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.neptunedata.NeptuneDataClient;
import java.io.FileInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

/** What every service command does: build the client, make one call or a bulk run, print, and pick the exit code. */
final class Execution {

    final QuerystopCommand root;
    final GlobalOptions global;

    Execution(CommandSpec spec) {
        this.root = (QuerystopCommand) spec.root().userObject();
        this.global = root.global;
    }

    NeptuneDataClient neptune() {
        if (global.endpointUrl == null) {
            throw new CliException(CliException.USAGE,
                "querystop: error: argument --endpoint-url is required for neptunedata commands", null);
        }
        singleEndpoint();
        return neptune(global.endpointUrl);
    }

    /** A client for one of several endpoints (the sweep's instances). */
    NeptuneDataClient neptune(String endpoint) {
        return neptune(endpoint, io.querystop.ClientBuilder.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** The same, reading answers up to this size (a listing of 8,192 waiting queries is about 10 MB). */
    NeptuneDataClient neptune(String endpoint, long maxResponseBytes) {
        return configure(NeptuneDataClient.builder().endpoint(endpoint)).maxResponseBytes(maxResponseBytes).build();
    }

    /** Only the sweeps take {@code --endpoint-url} more than once. */
    private void singleEndpoint() {
        if (global.endpointUrls.size() > 1) {
            throw new CliException(CliException.USAGE,
                "querystop: error: argument --endpoint-url: given more than once (only 'neptunedata sweep' and "
                    + "'sweep-loads' take one per instance)", null);
        }
    }

    CloudTrailClient cloudTrail() {
        singleEndpoint();
        CloudTrailClient.Builder builder = CloudTrailClient.builder();
        if (global.endpointUrl != null) {
            builder.endpointOverride(global.endpointUrl);
        }
        return configure(builder).build();
    }

    /** The settings both services take from the global options. */
    private <B extends io.querystop.ClientBuilder<B, ?>> B configure(B builder) {
        builder.timeouts(timeouts());
        String region = region();
        if (region != null) {
            builder.region(region);
        }
        if (global.profile != null) {
            builder.credentialsProvider(ProfileCredentialsProvider.create(global.profile));
        }
        return builder;
    }

    private String region() {
        if (global.region != null || global.profile == null) {
            return global.region;
        }
        try {
            return new AwsProfileRegionProvider(null, global.profile).getRegion().id();
        } catch (RuntimeException e) {
            return null; // the builder falls back to the default chain and names --region if that fails too
        }
    }

    private Timeouts timeouts() {
        Timeouts timeouts = Timeouts.defaults();
        if (global.connectTimeout != null) {
            timeouts = timeouts.withConnect(seconds("--cli-connect-timeout", global.connectTimeout));
        }
        if (global.readTimeout != null) {
            Duration read = seconds("--cli-read-timeout", global.readTimeout);
            timeouts = timeouts.withResponse(read).withCall(read.multipliedBy(3).plusMinutes(1));
        }
        return timeouts;
    }

    private static Duration seconds(String option, int seconds) {
        if (seconds < 0) {
            throw new CliException(CliException.USAGE, "querystop: error: argument " + option
                + ": must be 0 or more seconds", null);
        }
        return seconds == 0 ? Duration.ofDays(1) : Duration.ofSeconds(seconds);
    }

    /** One call: its response as pretty JSON on stdout. */
    <C extends AutoCloseable> int single(String operation, Supplier<C> clients, Function<C, Mono<?>> call) {
        try (C client = clients.get()) {
            Object response = call.apply(client).block();
            root.out.println(Json.pretty(Json.response(response)));
            return 0;
        } catch (Exception e) {
            return fail(operation, e);
        }
    }

    /**
     * A bulk run over the ids of a file ({@code -}: standard input): one JSON line per input line on stdout, a progress
     * bar on stderr when it is a terminal, a summary line on stderr at the end; see {@link BulkRun}.
     */
    <C extends AutoCloseable, R> int bulk(String operation, String fileOption, String file, BulkFlags flags,
                                          Supplier<C> clients,
                                          BiFunction<C, BulkOptions, Function<Flux<String>, Flux<CancelOutcome<R>>>> run) {
        try {
            boolean stdin = file.equals("-");
            if (!stdin && (!Files.isRegularFile(Path.of(file)) || !Files.isReadable(Path.of(file)))) {
                throw new CliException(CliException.USAGE, "querystop: error: argument " + fileOption
                    + ": cannot read " + file, null);
            }
            Duration grace = gracePeriod(flags);
            Set<String> finished = ResumeFiles.finishedIds(flags.resume, root.err); // before anything is sent
            try (C client = clients.get()) {
                // The run closes the reader when the reading ends, on the thread that reads.
                IdReader reader = new IdReader(stdin ? root.in : new FileInputStream(file), !stdin);
                BulkOptions options = BulkOptions.defaults().withMaxConcurrency(flags.concurrency)
                    .withAdaptiveConcurrency(!flags.fixedConcurrency).withRetryPolicy(RetryPolicy.standard());
                if (flags.maxRps != null) {
                    options = options.withMaxRequestsPerSecond(flags.maxRps);
                }
                return new BulkRun<R>(operation, root.out, root.err, reader, stdin ? -1 : Files.size(Path.of(file)),
                    finished, grace, root.signals, Terminal.isStderrTerminal())
                    .run(options, withProgress -> run.apply(client, withProgress));
            }
        } catch (Exception e) {
            return fail(operation, e);
        }
    }

    /** How long a stopped bulk run waits for its calls in flight: {@code --grace-period}, else the read timeout. */
    private Duration gracePeriod(BulkFlags flags) {
        if (flags.gracePeriod != null) {
            if (flags.gracePeriod < 0) {
                throw new CliException(CliException.USAGE, "querystop: error: argument --grace-period: must be 0 or "
                    + "more seconds", null);
            }
            return Duration.ofSeconds(flags.gracePeriod);
        }
        return global.readTimeout != null ? seconds("--cli-read-timeout", global.readTimeout)
            : Timeouts.defaults().response();
    }

    /** Prints a failure the way the AWS CLI does and returns its exit code. */
    int fail(String operation, Throwable error) {
        Throwable cause = unwrap(error);
        if (global.debug) {
            cause.printStackTrace(root.err);
        }
        if (cause instanceof CliException cli) {
            root.err.println(cli.getMessage());
            return cli.exitCode();
        }
        if (cause instanceof InvalidInputException invalid) {
            String option = option(invalid.field());
            root.err.println(option == null
                ? "querystop: error: " + invalid.getMessage()
                : "querystop: error: argument " + option + ": " + invalid.reason());
            return CliException.USAGE;
        }
        if (cause instanceof IllegalArgumentException invalid) {
            root.err.println("querystop: error: " + invalid.getMessage());
            return CliException.USAGE;
        }
        if (cause instanceof AwsServiceException service) {
            String code = service.errorCode() != null ? service.errorCode() : String.valueOf(service.statusCode());
            root.err.println("An error occurred (" + code + ") when calling the " + operation + " operation: "
                + (service.errorMessage() == null ? "HTTP " + service.statusCode() : service.errorMessage()));
            return CliException.SERVICE;
        }
        root.err.println(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        return CliException.OTHER;
    }

    /** What {@code block()} and the line reader wrap around the real failure. */
    private static Throwable unwrap(Throwable error) {
        Throwable current = reactor.core.Exceptions.unwrap(error);
        while (current instanceof UncheckedIOException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The option that sets a library field, or {@code null} when no option of the CLI does. */
    private static String option(String field) {
        return switch (field) {
            case "queryId" -> "--query-id";
            case "loadId" -> "--load-id";
            case "eventDataStore" -> "--event-data-store";
            case "eventDataStoreOwnerAccountId" -> "--event-data-store-owner-account-id";
            case "endpoint" -> "--endpoint-url";
            case "region" -> "--region";
            case "maxConcurrency" -> "--concurrency";
            case "maxRequestsPerSecond" -> "--max-rps";
            case "limit" -> "--limit";
            case "page" -> "--page";
            case "errorsPerPage" -> "--errors-per-page";
            case "maxResults" -> "--page-size";
            case "queryAlias" -> "--query-alias";
            case "refreshId" -> "--refresh-id";
            default -> null;
        };
    }
}
