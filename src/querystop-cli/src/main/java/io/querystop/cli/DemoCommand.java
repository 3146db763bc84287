package io.querystop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code querystop demo}: the main job on the embedded emulator. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start the emulator in-process, register running work, cancel all of it, print a report.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        QuerystopCommand root = (QuerystopCommand) spec.root().userObject();
        return new Demo(root.out, root.err).run();
    }
}
