package io.querystop.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.CredentialsUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

class CredentialsCacheUnitTests {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Counts resolutions, records their threads, and may block like a real profile or metadata provider. */
    static final class CountingProvider implements IdentityProvider<AwsCredentialsIdentity> {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final TestClock clock;
        final Duration lifetime;
        volatile RuntimeException failure;

        CountingProvider(TestClock clock, Duration lifetime) {
            this.clock = clock;
            this.lifetime = lifetime;
        }

        @Override
        public Class<AwsCredentialsIdentity> identityType() {
            return AwsCredentialsIdentity.class;
        }

        @Override
        public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
            threads.add(Thread.currentThread().getName());
            int n = calls.incrementAndGet();
            try {
                Thread.sleep(50); // a blocking read: allowed only because the cache runs it on boundedElastic
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            return CompletableFuture.completedFuture(AwsSessionCredentials.builder().accessKeyId("AKID" + n)
                .secretAccessKey("secret").sessionToken("token").expirationTime(clock.now.plus(lifetime)).build());
        }
    }

    @Test
    void concurrentCallersShareOneResolutionOffTheEventLoop() {
        TestClock clock = new TestClock();
        CountingProvider provider = new CountingProvider(clock, Duration.ofHours(1));
        CredentialsCache cache = new CredentialsCache(provider, clock, Schedulers.boundedElastic());

        Flux.range(0, 50)
            .flatMap(i -> cache.get().subscribeOn(Schedulers.parallel()))
            .map(AwsCredentialsIdentity::accessKeyId)
            .as(StepVerifier::create)
            .expectNextCount(50)
            .verifyComplete();

        assertThat(provider.calls).hasValue(1);
        assertThat(provider.threads).allSatisfy(name -> assertThat(name).startsWith("boundedElastic"));
    }

    @Test
    void credentialsAreReusedUntilNearExpiryThenRefreshedInTheBackgroundThenAwaited() {
        TestClock clock = new TestClock();
        CountingProvider provider = new CountingProvider(clock, Duration.ofMinutes(30));
        CredentialsCache cache = new CredentialsCache(provider, clock, Schedulers.boundedElastic());

        StepVerifier.create(cache.get().map(AwsCredentialsIdentity::accessKeyId)).expectNext("AKID1").verifyComplete();
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        StepVerifier.create(cache.get().map(AwsCredentialsIdentity::accessKeyId)).expectNext("AKID1").verifyComplete();
        assertThat(provider.calls).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6)); // 4 minutes before expiry: prefetch window
        StepVerifier.create(cache.get().map(AwsCredentialsIdentity::accessKeyId)).expectNext("AKID1").verifyComplete();
        awaitCalls(provider, 2);
        StepVerifier.create(cache.get().map(AwsCredentialsIdentity::accessKeyId)).expectNext("AKID2").verifyComplete();

        clock.now = clock.now.plus(Duration.ofMinutes(30)); // AKID2 has expired: the call waits for a new one
        StepVerifier.create(cache.get().map(AwsCredentialsIdentity::accessKeyId)).expectNext("AKID3").verifyComplete();
    }

    @Test
    void aFailureIsTypedAndTheNextCallTriesAgain() {
        TestClock clock = new TestClock();
        CountingProvider provider = new CountingProvider(clock, Duration.ofHours(1));
        provider.failure = new IllegalStateException("Unable to load credentials from any of the providers");
        CredentialsCache cache = new CredentialsCache(provider, clock, Schedulers.boundedElastic());

        StepVerifier.create(cache.get())
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CredentialsUnavailableException.class)
                .hasMessageContaining("Unable to load credentials"))
            .verify();
        provider.failure = null;
        StepVerifier.create(cache.get().map(AwsCredentialsIdentity::accessKeyId)).expectNext("AKID2").verifyComplete();
    }

    @Test
    void nothingIsResolvedBeforeSubscription() {
        TestClock clock = new TestClock();
        CountingProvider provider = new CountingProvider(clock, Duration.ofHours(1));
        CredentialsCache cache = new CredentialsCache(provider, clock, Schedulers.boundedElastic());

        cache.get();

        assertThat(provider.calls).hasValue(0);
    }

    private static void awaitCalls(CountingProvider provider, int calls) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (provider.calls.get() < calls && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(provider.calls).hasValue(calls);
        // the refreshed entry is published just after the provider returns
        long settle = System.nanoTime() + Duration.ofMillis(200).toNanos();
        while (System.nanoTime() < settle) {
            Thread.onSpinWait();
        }
    }
}
