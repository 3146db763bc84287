package io.querystop.internal.observation;

import io.netty.handler.codec.http.HttpHeaders;
import io.querystop.CallOptions;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The observation stage: wraps one call, from its subscription to its end, retries included. {@link #NONE} (no
 * registry configured) runs the call as it is and loads nothing of Micrometer.
 */
public interface CallObservations {

    /** Observes nothing. */
    CallObservations NONE = new CallObservations() {
        @Override
        public <T> Mono<T> observe(String operation, String resourceId, CallOptions options,
                                   Function<ObservedCall, Mono<T>> call) {
            return call.apply(new Unobserved(options));
        }
    };

    /**
     * @param operation  the AWS operation name
     * @param resourceId the query or load id the call is about, or {@code null}
     * @param options    the call's options
     * @param call       the call, given what it reports to; applied once per subscription
     */
    <T> Mono<T> observe(String operation, String resourceId, CallOptions options, Function<ObservedCall, Mono<T>> call);

    /** What a call in flight tells its observation. */
    interface ObservedCall {

        /** The options to run the call with: the caller's, plus an attempt observer when observed. */
        CallOptions options();

        /** An answer came; its headers carry the AWS request id. */
        void answered(HttpHeaders headers);
    }

    /** The unobserved call: the caller's options, nothing recorded. */
    record Unobserved(CallOptions options) implements ObservedCall {
        @Override
        public void answered(HttpHeaders headers) {
        }
    }
}
