package io.querystop.sweep;

import io.querystop.CallOptions;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One listed piece of work that passed the selection's per-item rules, with the only way to cancel and read it: the
 * endpoint that listed it.
 */
record Candidate(String endpoint, String language, String id, long ageMillis, Long waitedMillis, String query,
                 Map<String, Object> details, Control control) {

    /** Who runs it: the same id on two endpoints is two candidates. */
    String key() {
        return key(endpoint, language, id);
    }

    static String key(String endpoint, String language, String id) {
        return endpoint + '\n' + language + '\n' + id;
    }

    /** The calls for one candidate, bound to the endpoint that listed it. */
    interface Control {

        /** Cancels it; any value means accepted. */
        Mono<?> cancel(CallOptions options);

        /** Whether a cancel's error means it is not running. */
        boolean isNotRunning(Throwable error);

        /** Reads whether it is gone (true) or still running (false). */
        Mono<Boolean> stopped();

        /** Details to add to a failed cancel's outcome, such as why it cannot succeed. */
        default Map<String, Object> explain(Throwable error) {
            return Map.of();
        }
    }
}
