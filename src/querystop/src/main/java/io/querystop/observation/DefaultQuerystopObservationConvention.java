package io.querystop.observation;

import io.micrometer.common.KeyValues;
import io.querystop.observation.QuerystopObservationDocumentation.HighCardinalityKeys;
import io.querystop.observation.QuerystopObservationDocumentation.LowCardinalityKeys;

/**
 * The default naming: {@value #NAME}, contextual name {@code "<service> <operation>"}; low-cardinality keys
 * {@code service}, {@code operation}, {@code outcome}, {@code error.code}; high-cardinality keys {@code query.id} and
 * {@code aws.request.id} when known. While the call runs (for the active-calls timer and the retry and throttling
 * events) only {@code service} and {@code operation} are set, since the outcome is not known yet; {@code outcome} and
 * {@code error.code} ({@code none} after a success) are added when it ends.
 */
public class DefaultQuerystopObservationConvention implements QuerystopObservationConvention {

    /** The observation's name, and so the timer's. */
    public static final String NAME = "querystop.client.requests";

    private static final String NONE = "none";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(QuerystopObservationContext context) {
        return context.getServiceName() + " " + context.getOperationName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(QuerystopObservationContext context) {
        KeyValues running = KeyValues.of(LowCardinalityKeys.SERVICE.withValue(context.getServiceName()),
            LowCardinalityKeys.OPERATION.withValue(context.getOperationName()));
        CallOutcome outcome = context.getOutcome();
        if (outcome == null) {
            return running;
        }
        String code = context.getErrorCode();
        return running.and(LowCardinalityKeys.OUTCOME.withValue(outcome.value()),
            LowCardinalityKeys.ERROR_CODE.withValue(code == null ? NONE : code));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(QuerystopObservationContext context) {
        KeyValues values = KeyValues.empty();
        if (context.getResourceId() != null) {
            values = values.and(HighCardinalityKeys.QUERY_ID.withValue(context.getResourceId()));
        }
        if (context.getRequestId() != null) {
            values = values.and(HighCardinalityKeys.AWS_REQUEST_ID.withValue(context.getRequestId()));
        }
        return values;
    }
}
