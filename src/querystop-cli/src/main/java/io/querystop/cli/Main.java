package io.querystop.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine;
import reactor.netty.http.HttpResources;

/**
 * Entry point of {@code querystop.jar}. Exit codes as the AWS CLI's: 0, 252 usage, 254 service error (in a bulk run:
 * any id failed), 255 other; 130 or 143 when a bulk run was stopped by SIGINT or SIGTERM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The jar bundles slf4j-simple; library users bring their own logging backend.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // Netty 4.2 would register its allocator's JFR events on the first buffer (about 100 jdk.jfr classes and
        // event handlers generated at run time) though nothing records them; -Dio.netty.jfr.enabled=true keeps them.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        int exit = run(args, System.in, System.out, System.err);
        stopSharedEventLoops();
        System.exit(exit);
    }

    /**
     * The JVM's exit waits up to 0.3 s for threads in native code to stop there, and Reactor Netty's shared event loops,
     * which the clients ran on, sit in {@code epoll_wait}: they are stopped first, at once, since nothing runs on them
     * any more.
     */
    static void stopSharedEventLoops() {
        try {
            HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, Duration.ofMillis(500))
                .block(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            // the process exits anyway
        }
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, StopSignals.PROCESS);
    }

    /** {@link #run(String[], InputStream, PrintStream, PrintStream)} with the stop signals of a test. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, StopSignals signals) {
        QuerystopCommand root = new QuerystopCommand(in, out, err, signals);
        CommandLine commandLine = CommandTree.build(root, args) // first: the settings below reach the tree built
            .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
            .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
            .setParameterExceptionHandler((problem, arguments) -> {
                CommandLine command = problem.getCommandLine();
                command.getErr().println("querystop: error: " + problem.getMessage());
                command.getErr().println("usage: " + command.getCommandSpec().qualifiedName() + " [options]; "
                    + "see '" + command.getCommandSpec().qualifiedName() + " --help'");
                return CliException.USAGE;
            })
            .setExecutionExceptionHandler((problem, command, parsed) -> {
                Execution execution = new Execution(command.getCommandSpec());
                return execution.fail(command.getCommandSpec().name(), problem);
            });
        return commandLine.execute(args);
    }
}
