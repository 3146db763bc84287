package io.querystop.cloudtrail;

import io.querystop.internal.Validation;
import java.util.regex.Pattern;

/**
 * The CloudTrail Lake query to cancel ({@code CancelQuery}). Members left {@code null} are left out of the request.
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming the member that breaks the model's constraints.
 *
 * @param queryId                      required: the 36-character id from {@code StartQuery} ({@code [a-f0-9-]})
 * @param eventDataStore               the event data store's ARN or id suffix, 3 to 256 characters of
 *                                     {@code [a-zA-Z0-9._/\-:]}; optional (deprecated by CloudTrail)
 * @param eventDataStoreOwnerAccountId the owner's account id, 12 to 16 digits; optional
 */
public record CancelQueryRequest(String queryId, String eventDataStore, String eventDataStoreOwnerAccountId) {

    private static final Pattern QUERY_ID = Pattern.compile("[a-f0-9\\-]+");
    private static final Pattern EVENT_DATA_STORE = Pattern.compile("[a-zA-Z0-9._/\\-:]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d+");

    public CancelQueryRequest {
        Validation.notNull("queryId", queryId);
        Validation.modeled("queryId", queryId, 36, 36, QUERY_ID, "a query id of lowercase hex digits and '-'");
        Validation.modeled("eventDataStore", eventDataStore, 3, 256, EVENT_DATA_STORE,
            "an ARN or id of letters, digits and . _ / - :");
        Validation.modeled("eventDataStoreOwnerAccountId", eventDataStoreOwnerAccountId, 12, 16, ACCOUNT_ID,
            "digits only");
    }

    public CancelQueryRequest(String queryId) {
        this(queryId, null, null);
    }
}
