package io.querystop.internal.http;

/**
 * Told of every attempt of a call whose subscriber {@code Context} carries it (under its class as the key): whether
 * the service throttled it and how long it took. Bulk cancellation's adaptive concurrency listens this way, so it
 * sees throttling even when a retry then succeeds.
 */
@FunctionalInterface
public interface AttemptListener {

    void onAttempt(boolean throttled, long nanos);
}
