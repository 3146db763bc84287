package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hidden command the package step trains the launcher's archive with: it must pass on a working jar. */
class SelfTestIntegrationTests {

    @Test
    void theSelfTestCancelsEverythingOnTheEmbeddedEmulatorAndLeavesNoCredentialsBehind() {
        String before = System.getProperty("aws.accessKeyId");

        CliRun result = CliRun.run(handler -> () -> { }, "selftest", "--ids", "200");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("selftest: ok").contains("bulk: 200 of 200 cancelled, exit 0");
        assertThat(System.getProperty("aws.accessKeyId")).isEqualTo(before);
    }
}
