package io.querystop.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.CredentialsUnavailableException;
import io.querystop.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /**
     * Counts resolutions and records their threads. Each resolution blocks, as a profile or metadata provider does,
     * until {@link #release} is opened (open unless a test closes it).
     */
    static final class CountingProvider implements IdentityProvider<AwsCredentialsIdentity> {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final TestClock clock;
        final Duration lifetime;
        volatile CountDownLatch release = new CountDownLatch(0);
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
                // a blocking wait: allowed only because the cache runs providers on boundedElastic
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the provider");
                }
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
        CountDownLatch subscribed = new CountDownLatch(50);
        provider.release = new CountDownLatch(1);

        // All 50 callers subscribe (on parallel threads) while the one resolution is held, then it completes.
        Flux.range(0, 50)
            .flatMap(i -> cache.get().doOnSubscribe(s -> subscribed.countDown()).subscribeOn(Schedulers.parallel()))
            .map(AwsCredentialsIdentity::accessKeyId)
            .as(StepVerifier::create)
            .then(() -> {
                assertThat(await(subscribed)).as("every caller subscribed").isTrue();
                assertThat(Await.until(() -> provider.calls.get() >= 1)).as("a resolution started").isTrue();
                provider.release.countDown();
            })
            .expectNextCount(50)
            .expectComplete()
            .verify(Duration.ofSeconds(10));

        assertThat(provider.calls).as("resolutions for 50 concurrent callers").hasValue(1);
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
        // the background refresh publishes AKID2 shortly after its resolution; until then calls still get AKID1
        assertThat(Await.until(() -> "AKID2".equals(cache.get().block(Duration.ofSeconds(10)).accessKeyId())))
            .as("the prefetched credentials are used").isTrue();
        assertThat(provider.calls).as("one background refresh").hasValue(2);

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

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
