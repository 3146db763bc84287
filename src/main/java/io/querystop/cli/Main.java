package io.querystop.cli;

import java.io.PrintStream;

/** Entry point of {@code querystop.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The jar bundles slf4j-simple; library users bring their own logging backend.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("demo")) {
            return new Demo(out).run();
        }
        err.println("usage: querystop demo");
        err.println("  demo   start the embedded emulator, register running work, cancel all of it, print a report");
        return 252;
    }
}
