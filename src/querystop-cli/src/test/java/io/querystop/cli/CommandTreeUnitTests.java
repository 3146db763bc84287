package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeUnitTests {

    private final QuerystopCommand root = new QuerystopCommand(new ByteArrayInputStream(new byte[0]),
        new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));

    @Test
    void theWholeTreeHasEveryGroupAndCommandInHelpOrder() {
        CommandLine tree = CommandTree.full(root);
        assertThat(tree.getSubcommands()).containsOnlyKeys("neptunedata", "cloudtrail", "emulator", "demo", "selftest");
        assertThat(tree.getSubcommands().keySet()).containsExactly("neptunedata", "cloudtrail", "emulator", "demo",
            "selftest");
        assertThat(tree.getSubcommands().get("neptunedata").getSubcommands().keySet()).containsExactly(
            "cancel-gremlin-query", "cancel-open-cypher-query", "cancel-loader-job", "get-open-cypher-query-status",
            "list-gremlin-queries", "get-gremlin-query-status", "list-open-cypher-queries", "get-engine-status",
            "list-loader-jobs", "get-loader-job-status", "sweep", "sweep-loads");
        assertThat(tree.getSubcommands().get("cloudtrail").getSubcommands().keySet()).containsExactly(
            "cancel-query", "list-queries", "describe-query", "list-event-data-stores", "sweep");
    }

    @Test
    void aNamedCommandBringsOnlyItselfAndItsGroup() {
        CommandLine tree = CommandTree.build(root, new String[] {"--region", "us-east-1", "neptunedata",
            "cancel-gremlin-query", "--query-id", "q"});
        assertThat(tree.getSubcommands()).containsOnlyKeys("neptunedata");
        assertThat(tree.getSubcommands().get("neptunedata").getSubcommands()).containsOnlyKeys("cancel-gremlin-query");
    }

    @Test
    void globalOptionsReachACommandAddedLaterOnEitherSide() {
        String[] args = {"--endpoint-url", "http://127.0.0.1:1", "neptunedata", "cancel-gremlin-query",
            "--query-id", "q", "--region", "eu-west-1", "--debug"};
        CommandTree.build(root, args).parseArgs(args);
        assertThat(root.global.endpointUrl).isEqualTo("http://127.0.0.1:1");
        assertThat(root.global.region).isEqualTo("eu-west-1");
        assertThat(root.global.debug).isTrue();
    }

    @Test
    void aGroupWithNoCommandNamedGetsThemAllAndNoGroupNamedGetsEverything() {
        CommandLine group = CommandTree.build(root, new String[] {"cloudtrail", "cancel-querry"});
        assertThat(group.getSubcommands()).containsOnlyKeys("cloudtrail");
        assertThat(group.getSubcommands().get("cloudtrail").getSubcommands()).hasSize(5);

        for (String[] args : new String[][] {{}, {"--help"}, {"neptunedat", "cancel-gremlin-query"}}) {
            CommandLine tree = CommandTree.build(root, args);
            assertThat(tree.getSubcommands()).as(String.join(" ", args)).hasSize(5);
            assertThat(tree.getSubcommands().get("neptunedata").getSubcommands()).as(String.join(" ", args))
                .hasSize(12);
        }
    }

    @Test
    void anArgumentFileBringsEverything() {
        CommandLine tree = CommandTree.build(root, new String[] {"neptunedata", "cancel-gremlin-query", "@more"});
        assertThat(tree.getSubcommands()).hasSize(5);
        assertThat(tree.getSubcommands().get("neptunedata").getSubcommands()).hasSize(12);
    }
}
