package io.querystop.internal.signing;

import io.querystop.CredentialsUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Keeps a client's credentials so that signing never waits on a provider. Providers may read files or call a metadata
 * service, so they run only on the given (blocking-friendly) scheduler, one resolution at a time however many calls
 * wait for it. Credentials with an expiry are refreshed in the background from {@link #PREFETCH} before it and waited
 * for from {@link #STALE} before it; credentials without one are refreshed in the background every {@link #RECHECK}.
 */
public final class CredentialsCache {

    static final Duration PREFETCH = Duration.ofMinutes(5);
    static final Duration STALE = Duration.ofMinutes(1);
    static final Duration RECHECK = Duration.ofMinutes(15);

    private final IdentityProvider<? extends AwsCredentialsIdentity> provider;
    private final Clock clock;
    private final Scheduler resolveOn;
    private final AtomicReference<CompletableFuture<Entry>> inflight = new AtomicReference<>();
    private volatile Entry current;

    public CredentialsCache(IdentityProvider<? extends AwsCredentialsIdentity> provider, Clock clock,
                            Scheduler resolveOn) {
        this.provider = provider;
        this.clock = clock;
        this.resolveOn = resolveOn;
    }

    /** The credentials to sign with now. Cold: nothing is resolved before subscription. */
    public Mono<AwsCredentialsIdentity> get() {
        return Mono.defer(() -> {
            Entry entry = current;
            Instant now = clock.instant();
            if (entry != null && now.isBefore(entry.staleAt)) {
                if (!now.isBefore(entry.prefetchAt)) {
                    resolution(); // refresh in the background; this call signs with what it has
                }
                return entry.mono;
            }
            return Mono.fromFuture(resolution(), true).map(Entry::identity);
        });
    }

    private CompletableFuture<Entry> resolution() {
        while (true) {
            CompletableFuture<Entry> running = inflight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            if (inflight.compareAndSet(null, mine)) {
                resolveOn.schedule(() -> resolveInto(mine));
                return mine;
            }
        }
    }

    private void resolveInto(CompletableFuture<Entry> target) {
        CompletableFuture<? extends AwsCredentialsIdentity> resolving;
        try {
            resolving = provider.resolveIdentity();
        } catch (RuntimeException e) {
            fail(target, e);
            return;
        }
        resolving.whenComplete((identity, error) -> {
            if (error != null) {
                fail(target, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else if (identity == null) {
                fail(target, new NullPointerException("the credentials provider returned null"));
            } else {
                Entry entry = entryFor(identity);
                current = entry;
                inflight.compareAndSet(target, null);
                target.complete(entry);
            }
        });
    }

    private void fail(CompletableFuture<Entry> target, Throwable cause) {
        inflight.compareAndSet(target, null);
        target.completeExceptionally(new CredentialsUnavailableException(
            "credentials could not be resolved: " + cause.getMessage(), cause));
    }

    private Entry entryFor(AwsCredentialsIdentity identity) {
        Instant now = clock.instant();
        Instant expiry = identity.expirationTime().orElse(null);
        if (expiry == null) {
            return new Entry(identity, Instant.MAX, now.plus(RECHECK));
        }
        Instant staleAt = expiry.minus(STALE);
        return new Entry(identity, staleAt.isAfter(now) ? staleAt : expiry, expiry.minus(PREFETCH));
    }

    private record Entry(AwsCredentialsIdentity identity, Instant staleAt, Instant prefetchAt,
                         Mono<AwsCredentialsIdentity> mono) {
        Entry(AwsCredentialsIdentity identity, Instant staleAt, Instant prefetchAt) {
            this(identity, staleAt, prefetchAt, Mono.just(identity));
        }

        @Override
        public String toString() {
            return "Entry[staleAt=" + staleAt + ", prefetchAt=" + prefetchAt + "]"; // never the credentials
        }
    }
}
