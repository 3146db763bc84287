package io.querystop.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.querystop.AttemptObserver;
import io.querystop.AwsServiceException;
import io.querystop.CallOptions;
import io.querystop.CallTimeoutException;
import io.querystop.QuerystopException;
import io.querystop.RetryPolicy;
import io.querystop.internal.retry.ClientRateLimiter;
import io.querystop.internal.retry.RetryQuota;
import io.querystop.internal.retry.SkewAdjustedClock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The retry stage: runs the attempts of one call within its deadline, as its retry policy says, drawing on the
 * client's retry quota, pacing attempts with the client's adaptive rate limiter, correcting the signing clock after a
 * clock-skew answer, and telling the call's {@link AttemptObserver} of each attempt.
 */
public final class RetryLoop {

    private static final Logger LOG = LoggerFactory.getLogger(RetryLoop.class);

    private final RetryPolicy clientPolicy;
    private final Duration clientCallTimeout;
    private final RetryQuota quota;
    private final ClientRateLimiter rateLimiter;
    private final SkewAdjustedClock clock;
    private final CallDeadlines deadlines;

    /**
     * @param rateLimiter the client's adaptive limiter, or {@code null} when its policy is not adaptive
     */
    public RetryLoop(RetryPolicy clientPolicy, Duration clientCallTimeout, RetryQuota quota,
                     ClientRateLimiter rateLimiter, SkewAdjustedClock clock, CallDeadlines deadlines) {
        this.clientPolicy = clientPolicy;
        this.clientCallTimeout = clientCallTimeout;
        this.quota = quota;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /** The state of one call across its attempts; told of the call's end. */
    private final class Call implements OnEnd.Listener<Object> {
        final RetryPolicy policy;
        final AttemptObserver observer;
        final FailureTranslator failures;
        int attempts;
        int retryTokens;
        int skewCorrectedAttempt;
        boolean skewRetried;

        Call(RetryPolicy policy, AttemptObserver observer, FailureTranslator failures) {
            this.policy = policy;
            this.observer = observer;
            this.failures = failures;
        }

        @Override
        public void onValue(Object value) {
            quota.release(retryTokens > 0 ? retryTokens : 1);
        }

        @Override
        public void onError(Throwable error) {
            if (error instanceof QuerystopException typed) {
                typed.recordAttempts(attempts);
            }
        }

        @Override
        public void onCancel() {
        }
    }

    /** One attempt's end, told to the call's attempt observer and to the adaptive rate limiter, if any. */
    private final class AttemptEnd implements OnEnd.Listener<Object> {
        private final AttemptObserver observer;
        private final long start = System.nanoTime();

        AttemptEnd(AttemptObserver observer) {
            this.observer = observer;
        }

        @Override
        public void onValue(Object value) {
            ended(false);
        }

        @Override
        public void onError(Throwable error) {
            ended(RetryPolicy.isThrottling(error));
        }

        private void ended(boolean throttled) {
            if (observer != null) {
                observer.onAttempt(throttled, System.nanoTime() - start);
            }
            if (rateLimiter != null) {
                rateLimiter.update(throttled);
            }
        }

        @Override
        public void onCancel() {
        }
    }

    /**
     * One call; cold.
     *
     * @param failures turns an attempt's failure into the library's typed exception, before the retry decision
     * @param attempt  a fresh attempt on each subscription
     * @param decode   the answer to the call's result, or a typed exception thrown
     */
    public <T> Mono<T> run(String operationName, CallOptions options, FailureTranslator failures,
                           Supplier<Mono<Response>> attempt, Function<Response, T> decode) {
        return Mono.defer(() -> {
            Call call = new Call(options.retryPolicy() != null ? options.retryPolicy() : clientPolicy,
                options.attemptObserver(), failures);
            Duration callTimeout = options.callTimeout() != null ? options.callTimeout() : clientCallTimeout;
            return new OnEnd<>(deadlines.bound(attempts(operationName, call, attempt, decode), callTimeout,
                () -> new CallTimeoutException(operationName, callTimeout)), call);
        });
    }

    /**
     * The retry operators are assembled only after a failure, so that a call answered at the first attempt (nearly
     * all) pays nothing for retries it did not need.
     */
    private <T> Mono<T> attempts(String operationName, Call call, Supplier<Mono<Response>> attempt,
                                 Function<Response, T> decode) {
        // Called only at a subscription (the call's, or a retry's defer), so the attempt is made here directly.
        return attempt(call, attempt, decode)
            .onErrorResume(failure -> nextAttempt(operationName, call, call.failures.translate(operationName, failure))
                .then(Mono.defer(() -> attempts(operationName, call, attempt, decode))));
    }

    /** One attempt: wait for the adaptive limiter if it says so, then send and decode. */
    private <T> Mono<T> attempt(Call call, Supplier<Mono<Response>> send, Function<Response, T> decode) {
        call.attempts++;
        Mono<T> attempt = send.get().map(response -> decode(call, response, decode));
        if (call.observer == null && rateLimiter == null) {
            return attempt;
        }
        Mono<T> observed = new OnEnd<>(attempt, new AttemptEnd(call.observer));
        if (rateLimiter == null) {
            return observed;
        }
        Duration wait = rateLimiter.acquire();
        return wait.isZero() ? observed : Mono.delay(wait).then(observed);
    }

    private <T> T decode(Call call, Response response, Function<Response, T> decode) {
        try {
            return decode.apply(response);
        } catch (AwsServiceException error) {
            String code = error.errorCode();
            if (code != null && ErrorClassification.CLOCK_SKEW_CODES.contains(code)
                && clock.correctFrom(response.headers().get(HttpHeaderNames.DATE))) {
                call.skewCorrectedAttempt = call.attempts;
            }
            throw error;
        }
    }

    /** After a failed attempt: the delay before the next one, or the failure itself to end the call. */
    private Mono<Long> nextAttempt(String operationName, Call call, Throwable failure) {
        if (call.skewCorrectedAttempt == call.attempts && !call.skewRetried) {
            call.skewRetried = true; // the signing clock was just corrected: one more try, outside the policy
            return Mono.just(0L);
        }
        RetryPolicy policy = call.policy;
        if (call.attempts >= policy.maxAttempts() || !policy.isRetryable(failure)) {
            return Mono.error(failure);
        }
        if (!quota.tryAcquire(policy.retryCost())) {
            LOG.debug("{}: retry quota exhausted, not retrying {}", operationName, failure.toString());
            return Mono.error(failure);
        }
        call.retryTokens += policy.retryCost();
        Duration ceiling = policy.backoffCeiling(call.attempts, RetryPolicy.isThrottling(failure));
        long delay = (long) (ThreadLocalRandom.current().nextDouble() * ceiling.toNanos());
        return Mono.delay(Duration.ofNanos(delay));
    }
}
