package io.querystop;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.querystop.observation.QuerystopObservationConvention;

/**
 * Where a client reports what it does, as {@link ClientBuilder} collected it; a client built without any registry has
 * none ({@link ClientSettings#observability()} is {@code null}) and never touches a Micrometer class.
 *
 * @param observationRegistry  where each call's observation goes, or {@code null}: then, with a meter registry, one
 *                             of the client's own that only times calls into it
 * @param observationConvention the naming of the calls' observations, or {@code null} for the default
 * @param meterRegistry        where bulk-run and connection-pool meters go, or {@code null} for none
 */
public record Observability(ObservationRegistry observationRegistry,
                            QuerystopObservationConvention observationConvention, MeterRegistry meterRegistry) {

    @Override
    public String toString() {
        return "Observability[observationRegistry=" + name(observationRegistry) + ", observationConvention="
            + name(observationConvention) + ", meterRegistry=" + name(meterRegistry) + "]";
    }

    private static String name(Object value) {
        return value == null ? "none" : value.getClass().getSimpleName();
    }
}
