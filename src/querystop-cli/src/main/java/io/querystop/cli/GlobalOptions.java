package io.querystop.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The AWS CLI's global options, accepted before or after the command name. */
final class GlobalOptions {

    /** The last {@code --endpoint-url} given, or {@code null}. */
    String endpointUrl;

    /** Every {@code --endpoint-url} given, in order: the sweep takes one per instance, other commands one in all. */
    List<String> endpointUrls = new ArrayList<>();

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
        description = "The endpoint: required for neptunedata (your cluster, e.g. https://db.cluster-x.us-east-1."
            + "neptune.amazonaws.com:8182); replaces the regional one for cloudtrail. 'neptunedata sweep' takes it "
            + "once per instance.")
    void endpointUrls(List<String> values) {
        endpointUrls = values == null ? new ArrayList<>() : new ArrayList<>(values);
        endpointUrl = endpointUrls.isEmpty() ? null : endpointUrls.get(endpointUrls.size() - 1);
    }

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
        description = "The AWS region; default: the AWS default region chain (or the Neptune host name).")
    String region;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILE",
        description = "A profile from the AWS config and credentials files.")
    String profile;

    @Option(names = "--cli-connect-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
        description = "Connect timeout in seconds; 0 waits without limit. Default 3.1 s.")
    Integer connectTimeout;

    @Option(names = "--cli-read-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
        description = "Read timeout per attempt in seconds; 0 waits without limit. Default 30 s.")
    Integer readTimeout;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of failures.")
    boolean debug;
}
