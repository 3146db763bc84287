package io.querystop.cli;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree, built for one command line: picocli reads every command class's fields and annotations when the
 * class joins the tree, about 0.1 s for all 25 commands at start-up, so only the commands the arguments can name are
 * added. A group none of whose commands is named gets them all, as does the root when no group is named (for help,
 * suggestions and errors); so does everything when an argument is an {@code @file}, whose words cannot be seen here.
 */
final class CommandTree {

    /** The groups in the order help lists them, each with its commands (none: the group is a command itself). */
    private static final Map<Class<?>, List<Class<?>>> GROUPS = ordered(
        NeptuneDataCommands.class, List.of(NeptuneDataCommands.CancelGremlinQuery.class,
            NeptuneDataCommands.CancelOpenCypherQuery.class, NeptuneDataCommands.CancelLoaderJob.class,
            NeptuneDataCommands.GetOpenCypherQueryStatus.class, NeptuneDataStatusCommands.ListGremlinQueries.class,
            NeptuneDataStatusCommands.GetGremlinQueryStatus.class,
            NeptuneDataStatusCommands.ListOpenCypherQueries.class, NeptuneDataStatusCommands.GetEngineStatus.class,
            NeptuneDataStatusCommands.ListLoaderJobs.class,
            NeptuneDataStatusCommands.GetLoaderJobStatus.class, SweepCommands.Queries.class,
            SweepCommands.Loads.class),
        CloudTrailCommands.class, List.of(CloudTrailCommands.CancelQuery.class,
            CloudTrailLakeCommands.ListQueries.class, CloudTrailLakeCommands.DescribeQuery.class,
            CloudTrailLakeCommands.ListEventDataStores.class, SweepCommands.Trail.class),
        EmulatorCommand.class, List.of(),
        DemoCommand.class, List.of(),
        SelfTestCommand.class, List.of());

    private CommandTree() {
    }

    /** The whole tree. */
    static CommandLine full(QuerystopCommand root) {
        return build(root, null);
    }

    /** The tree the arguments can use; {@code null} arguments: the whole tree. */
    static CommandLine build(QuerystopCommand root, String[] args) {
        Set<String> words = args == null || Arrays.stream(args).anyMatch(arg -> arg.startsWith("@"))
            ? null : Set.copyOf(Arrays.asList(args));
        boolean anyGroup = words != null && GROUPS.keySet().stream().anyMatch(group -> words.contains(name(group)));
        CommandLine line = new CommandLine(root);
        GROUPS.forEach((group, commands) -> {
            if (!anyGroup || words.contains(name(group))) {
                // the group joins first, so that the root's inherited options reach its commands as they are added
                CommandLine groupLine = new CommandLine(group);
                line.addSubcommand(groupLine);
                boolean anyCommand = anyGroup && commands.stream().anyMatch(command -> words.contains(name(command)));
                for (Class<?> command : commands) {
                    if (!anyCommand || words.contains(name(command))) {
                        groupLine.addSubcommand(new CommandLine(command));
                    }
                }
            }
        });
        return line;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @SuppressWarnings("unchecked")
    private static Map<Class<?>, List<Class<?>>> ordered(Object... pairs) {
        LinkedHashMap<Class<?>, List<Class<?>>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Class<?>) pairs[i], (List<Class<?>>) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
