package io.querystop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ClientSettingsUnitTests {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
        AwsSessionCredentials.create("AKIDSETTINGSTEST", "settings-secret-key", "settings-session-token"));

    @Test
    void toStringNamesTheCredentialsProvidersTypeOnly() {
        ClientSettings settings = new ClientSettings("us-east-1", CREDENTIALS, ConnectionPoolSettings.defaults(),
            Timeouts.defaults(), null, null, null, 1024, Clock.systemUTC(), RetryPolicy.standard(), null);

        assertThat(settings.toString())
            .contains("region=us-east-1", "credentialsProvider=StaticCredentialsProvider")
            .doesNotContain("settings-secret-key", "settings-session-token", "AKIDSETTINGSTEST");
    }

    @Test
    void eachBadSettingIsNamed() {
        assertThatThrownBy(() -> new ClientSettings(" ", null, ConnectionPoolSettings.defaults(), Timeouts.defaults(),
            null, null, null, 1, Clock.systemUTC(), RetryPolicy.standard(), null))
            .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("region"));
        assertThatThrownBy(() -> new ClientSettings("us-east-1", null, ConnectionPoolSettings.defaults(),
            Timeouts.defaults(), null, null, null, 0, Clock.systemUTC(), RetryPolicy.standard(), null))
            .isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("maxResponseBytes"));
        assertThatThrownBy(() -> new ClientSettings("us-east-1", null, null, Timeouts.defaults(), null, null, null, 1,
            Clock.systemUTC(), RetryPolicy.standard(), null))
            .isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("connectionPool"));
    }

    @Test
    void resourcesTakeLoopsGivenOrTheirOwnButNotBoth() {
        LoopResources loops = LoopResources.create("settings-test", 1, true);
        try {
            assertThatThrownBy(() -> ClientResources.builder().loopResources(loops).eventLoopThreads(2).build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("eventLoopThreads"));
            assertThatThrownBy(() -> ClientResources.builder().eventLoopThreads(-1).build())
                .isInstanceOf(InvalidInputException.class);
            try (ClientResources resources = ClientResources.builder().loopResources(loops).build()) {
                assertThat(resources.loopResources()).containsSame(loops);
                assertThat(resources.toString()).contains("loops=given");
                assertThatThrownBy(() -> resources.timer().stop()).isInstanceOf(UnsupportedOperationException.class);
            }
        } finally {
            loops.dispose();
        }
    }
}
