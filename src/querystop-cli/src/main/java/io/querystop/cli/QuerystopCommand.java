package io.querystop.cli;

import java.io.InputStream;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code querystop}: the root command, holding the streams and the global options; its commands: {@link CommandTree}. */
@Command(name = "querystop", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Cancel and inspect long-running work on Amazon Neptune and AWS CloudTrail Lake.")
final class QuerystopCommand {

    @Mixin
    GlobalOptions global;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    /** Where bulk runs learn to stop: the process's SIGINT and SIGTERM, or a test's. */
    final StopSignals signals;

    QuerystopCommand(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, StopSignals.PROCESS);
    }

    QuerystopCommand(InputStream in, PrintStream out, PrintStream err, StopSignals signals) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.signals = signals;
    }
}
