package io.querystop.cli;

import java.io.InputStream;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code querystop}: the root command, holding the streams and the global options. */
@Command(name = "querystop", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Cancel and inspect long-running work on Amazon Neptune and AWS CloudTrail Lake.",
    subcommands = {NeptuneDataCommands.class, CloudTrailCommands.class, EmulatorCommand.class, DemoCommand.class})
final class QuerystopCommand {

    @Mixin
    GlobalOptions global;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    QuerystopCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }
}
