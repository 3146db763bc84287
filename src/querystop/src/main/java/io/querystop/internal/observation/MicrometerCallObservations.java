package io.querystop.internal.observation;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.handler.codec.http.HttpHeaders;
import io.querystop.AttemptObserver;
import io.querystop.AwsServiceException;
import io.querystop.CallOptions;
import io.querystop.Observability;
import io.querystop.QuerystopException;
import io.querystop.observation.CallOutcome;
import io.querystop.observation.DefaultQuerystopObservationConvention;
import io.querystop.observation.QuerystopObservationContext;
import io.querystop.observation.QuerystopObservationConvention;
import io.querystop.observation.QuerystopObservationDocumentation;
import io.querystop.observation.QuerystopObservationDocumentation.Events;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * One Micrometer observation per call: started at subscription as a child of the observation in the subscriber's
 * Reactor {@code Context}, told of each attempt (retries and throttled attempts as events), stopped once when the call
 * ends, fails or is cancelled, with its outcome. The call itself sees the observation in its {@code Context}, so that
 * whatever it observes in turn is a child of it. No global hook is set.
 */
public final class MicrometerCallObservations implements CallObservations {

    private static final QuerystopObservationConvention DEFAULT = new DefaultQuerystopObservationConvention();
    private static final String REQUEST_ID = "x-amzn-RequestId";

    private final ObservationRegistry registry;
    private final QuerystopObservationConvention convention;
    private final String service;
    private final String endpoint;
    private final Predicate<Throwable> notRunning;

    private MicrometerCallObservations(ObservationRegistry registry, QuerystopObservationConvention convention,
                                       String service, String endpoint, Predicate<Throwable> notRunning) {
        this.registry = registry;
        this.convention = convention;
        this.service = service;
        this.endpoint = endpoint;
        this.notRunning = notRunning;
    }

    /**
     * The stage for a client given registries. Returns the interface, so that callers never name a Micrometer type.
     *
     * @param service    the {@code service} tag, e.g. {@code neptunedata}
     * @param endpoint   the endpoint's host and port
     * @param notRunning the service's rule for "not running" answers
     */
    public static CallObservations create(Observability observability, String service, String endpoint,
                                          Predicate<Throwable> notRunning) {
        ObservationRegistry registry = observability.observationRegistry();
        if (registry == null) {
            // a meter registry alone: calls are timed into it by a registry of the client's own
            registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(
                new DefaultMeterObservationHandler(observability.meterRegistry()));
        }
        return new MicrometerCallObservations(registry, observability.observationConvention(), service, endpoint,
            notRunning);
    }

    @Override
    public <T> Mono<T> observe(String operation, String resourceId, CallOptions options,
                               Function<ObservedCall, Mono<T>> call) {
        if (registry.isNoop()) { // e.g. ObservationRegistry.NOOP: as if none was given
            return call.apply(new Unobserved(options));
        }
        return Mono.deferContextual(view -> {
            QuerystopObservationContext context = new QuerystopObservationContext(service, operation, endpoint,
                resourceId);
            Object inContext = view.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            Observation observation = QuerystopObservationDocumentation.CLIENT_REQUESTS
                .observation(convention, DEFAULT, () -> context, registry);
            if (inContext instanceof Observation parent) {
                observation.parentObservation(parent);
            }
            observation.start();
            Observed observed = new Observed(observation, context, options);
            return call.apply(observed)
                .doOnSuccess(value -> observed.end(null, false))
                .doOnError(error -> observed.end(error, false))
                .doOnCancel(() -> observed.end(null, true))
                .contextWrite(downstream -> downstream.put(ObservationThreadLocalAccessor.KEY, observation));
        });
    }

    /** One call's observation: counts its attempts and ends it exactly once. */
    private final class Observed implements ObservedCall, AttemptObserver {
        private final Observation observation;
        private final QuerystopObservationContext context;
        private final AttemptObserver callers;
        private final CallOptions options;
        private final AtomicBoolean ended = new AtomicBoolean();

        Observed(Observation observation, QuerystopObservationContext context, CallOptions options) {
            this.observation = observation;
            this.context = context;
            this.callers = options.attemptObserver();
            this.options = options.withAttemptObserver(this);
        }

        @Override
        public CallOptions options() {
            return options;
        }

        @Override
        public void answered(HttpHeaders headers) {
            context.setRequestId(headers.get(REQUEST_ID));
        }

        /** Attempts of one call follow each other, so the counts need no atomic update. */
        @Override
        public void onAttempt(boolean throttled, long latencyNanos) {
            int attempts = context.getAttempts() + 1;
            context.setAttempts(attempts);
            if (attempts > 1) {
                observation.event(Events.RETRY);
            }
            if (throttled) {
                context.setThrottledAttempts(context.getThrottledAttempts() + 1);
                observation.event(Events.THROTTLED);
            }
            if (callers != null) {
                callers.onAttempt(throttled, latencyNanos);
            }
        }

        void end(Throwable error, boolean cancelled) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            context.setOutcome(cancelled ? CallOutcome.CANCELLED : Outcomes.of(error, notRunning));
            context.setErrorCode(Outcomes.errorCode(error));
            if (error instanceof AwsServiceException service && service.requestId() != null) {
                context.setRequestId(service.requestId());
            }
            if (error instanceof QuerystopException failure && failure.attempts() > context.getAttempts()) {
                context.setAttempts(failure.attempts());
            }
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        }
    }
}
