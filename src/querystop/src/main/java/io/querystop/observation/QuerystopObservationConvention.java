package io.querystop.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a call's observation and its key values. Implement it (or extend {@link DefaultQuerystopObservationConvention})
 * and give it to the client builder's {@code observationConvention}, or register a {@code GlobalObservationConvention}
 * for {@link QuerystopObservationContext} on the {@code ObservationRegistry}, which takes precedence over both.
 *
 * <pre>{@code
 * class WithEndpoint extends DefaultQuerystopObservationConvention {
 *     @Override
 *     public KeyValues getLowCardinalityKeyValues(QuerystopObservationContext context) {
 *         return super.getLowCardinalityKeyValues(context).and("server.address", context.getEndpoint());
 *     }
 * }
 * }</pre>
 */
public interface QuerystopObservationConvention extends ObservationConvention<QuerystopObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof QuerystopObservationContext;
    }
}
