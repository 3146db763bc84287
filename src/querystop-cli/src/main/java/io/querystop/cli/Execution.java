package io.querystop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.AwsServiceException;
import io.querystop.InvalidInputException;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.bulk.BulkOptions;
import io.querystop.bulk.BulkProgress;
import io.querystop.bulk.CancelOutcome;
import io.querystop.bulk.ProgressTracker;
import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.neptunedata.NeptuneDataClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
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
        return configure(NeptuneDataClient.builder().endpoint(global.endpointUrl)).build();
    }

    CloudTrailClient cloudTrail() {
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
     * A bulk run over the ids of a file ({@code -}: standard input): one JSON line per id on stdout, a progress bar
     * on stderr when it is a terminal, a summary line on stderr at the end.
     */
    <C extends AutoCloseable, R> int bulk(String operation, String fileOption, String file, BulkFlags flags,
                                          Supplier<C> clients,
                                          BiFunction<C, BulkOptions, Function<Flux<String>, Flux<CancelOutcome<R>>>> run) {
        Flux<String> ids;
        try {
            ids = ids(fileOption, file);
        } catch (CliException e) {
            return fail(operation, e);
        }
        try (C client = clients.get()) {
            ProgressTracker progress = new ProgressTracker();
            BulkOptions options = BulkOptions.defaults().withMaxConcurrency(flags.concurrency)
                .withAdaptiveConcurrency(!flags.fixedConcurrency).withRetryPolicy(RetryPolicy.standard())
                .withProgress(progress);
            if (flags.maxRps != null) {
                options = options.withMaxRequestsPerSecond(flags.maxRps);
            }
            Disposable bar = Terminal.isStderrTerminal() ? progressBar(progress) : null;
            long failed = 0;
            try {
                // Outcomes are printed on this thread. The hop to boundedElastic first keeps the blocking bridge's
                // lock (taken in its onNext) off the event loops that deliver outcomes.
                for (CancelOutcome<R> outcome : run.apply(client, options).apply(ids)
                    .publishOn(Schedulers.boundedElastic(), 64).toIterable(64)) {
                    root.out.println(line(outcome));
                    if (outcome.status() == CancelOutcome.Status.FAILED) {
                        failed++;
                    }
                }
            } finally {
                if (bar != null) {
                    bar.dispose();
                    root.err.print("\r\033[K");
                }
            }
            BulkProgress done = progress.snapshot();
            root.err.printf(Locale.ROOT, "%s: %d cancelled, %d not running, %d failed of %d ids in %.1f s "
                    + "(%.0f/s), concurrency limit %d%n", operation, done.cancelled(), done.notRunning(),
                done.failed(), done.completed(), done.elapsed().toNanos() / 1e9, done.throughputPerSecond(),
                done.concurrencyLimit());
            return failed == 0 ? 0 : CliException.SERVICE;
        } catch (Exception e) {
            return fail(operation, e);
        }
    }

    private Flux<String> ids(String option, String file) {
        if (!file.equals("-")) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new CliException(CliException.USAGE, "querystop: error: argument " + option
                    + ": cannot read " + file, null);
            }
        }
        // Read lazily, line by line, on a thread that may block: the file is never loaded whole.
        return Flux.using(() -> file.equals("-")
                    ? new BufferedReader(new InputStreamReader(root.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8),
                reader -> Flux.fromStream(reader.lines()),
                reader -> {
                    if (!file.equals("-")) {
                        try {
                            reader.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                })
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .subscribeOn(Schedulers.boundedElastic());
    }

    private Disposable progressBar(ProgressTracker progress) {
        return Flux.interval(Duration.ofMillis(200), Schedulers.boundedElastic()).subscribe(tick -> {
            BulkProgress p = progress.snapshot();
            int width = 30;
            long done = p.completed();
            long seen = Math.max(p.requested(), 1);
            int filled = (int) Math.min(width, width * done / seen);
            root.err.printf(Locale.ROOT, "\r[%s%s] %,d done (%,d cancelled, %,d not running, %,d failed), %,d in "
                    + "flight, limit %d, %,.0f/s\033[K", "#".repeat(filled), ".".repeat(width - filled), done,
                p.cancelled(), p.notRunning(), p.failed(), p.inFlight(), p.concurrencyLimit(),
                p.throughputPerSecond());
        });
    }

    private static String line(CancelOutcome<?> outcome) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", outcome.id());
        json.put("outcome", outcome.status().name().toLowerCase(Locale.ROOT));
        if (outcome.response() != null) {
            json.set("response", Json.response(outcome.response()));
        }
        if (outcome.error() != null) {
            ObjectNode error = Json.error(outcome.error());
            if (outcome.status() == CancelOutcome.Status.FAILED && !error.has("attempts")) {
                error.put("attempts", outcome.attempts());
            }
            json.set("error", error);
        }
        return json.toString();
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
            default -> null;
        };
    }
}
