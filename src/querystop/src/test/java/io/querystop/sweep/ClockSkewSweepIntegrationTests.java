package io.querystop.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.cloudtrail.CloudTrailClient;
import io.querystop.emulator.CloudTrailQuerySeed;
import io.querystop.emulator.Emulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Ages from the service's own timestamps are measured on the service's clock (the answers' {@code Date} header), not
 * on this machine's: here the service's clock runs 20 minutes ahead of ours.
 */
class ClockSkewSweepIntegrationTests {

    private static final Duration AHEAD = Duration.ofMinutes(20);

    private final Clock serviceClock = Clock.offset(Clock.systemUTC(), AHEAD);
    private final Emulator emulator = Emulator.builder().clock(serviceClock).queryClock(serviceClock)
        .verifySignatures(false).start();
    private final CloudTrailClient cloudTrail = CloudTrailClient.builder()
        .endpointOverride(emulator.endpoint().toString()).region(emulator.region())
        .credentialsProvider(emulator.credentialsProvider()).build();

    @AfterEach
    void close() {
        cloudTrail.close();
        emulator.close();
    }

    @Test
    void aQueryTenMinutesOldOnTheServicesClockIsTenMinutesOldAlthoughOurClockIsBehind() {
        String id = "00000000-0000-4000-8000-000000000001";
        emulator.addCloudTrailQuery(CloudTrailQuerySeed.of(id).creationTime(serviceClock.instant()
            .minus(Duration.ofMinutes(10))));
        // on our clock the query was created 10 minutes in the future; on the service's it is 10 minutes old
        List<SweepEvent> events = new ArrayList<>();
        StepVerifier.create(CloudTrailSweep.over(cloudTrail, List.of())
                .run(Selection.defaults().withMinimumAge(Duration.ofMinutes(5)), Mode.dryRun()))
            .recordWith(() -> events)
            .thenConsumeWhile(event -> true)
            .expectComplete()
            .verify(Duration.ofSeconds(30));

        assertThat(events).singleElement().isInstanceOfSatisfying(SweepOutcome.class, outcome -> {
            assertThat(outcome.id()).isEqualTo(id);
            assertThat(outcome.ageMillis()).isBetween(Duration.ofMinutes(10).toMillis() - 2_000,
                Duration.ofMinutes(10).toMillis() + 5_000);
        });
        assertThat(Duration.between(Instant.now(), cloudTrail.serverClock().instant()).toSeconds())
            .isBetween(AHEAD.toSeconds() - 2, AHEAD.toSeconds() + 2);
    }
}
