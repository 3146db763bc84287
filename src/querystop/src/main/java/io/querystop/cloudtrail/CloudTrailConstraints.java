package io.querystop.cloudtrail;

import io.querystop.InvalidInputException;
import io.querystop.internal.Validation;
import java.util.regex.Pattern;

/** The model's constraints on the members the request records share, each failure naming the member. */
final class CloudTrailConstraints {

    private static final Pattern QUERY_ID = Pattern.compile("[a-f0-9\\-]+");
    private static final Pattern EVENT_DATA_STORE = Pattern.compile("[a-zA-Z0-9._/\\-:]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d+");
    private static final Pattern ANYTHING = Pattern.compile("(?s).*");
    private static final Pattern QUERY_ALIAS = Pattern.compile("[a-zA-Z][a-zA-Z0-9._\\-]*");

    private CloudTrailConstraints() {
    }

    static void queryId(String value) {
        Validation.modeled("queryId", value, 36, 36, QUERY_ID, "a query id of lowercase hex digits and '-'");
    }

    static void eventDataStore(String value) {
        Validation.modeled("eventDataStore", value, 3, 256, EVENT_DATA_STORE,
            "an ARN or id of letters, digits and . _ / - :");
    }

    static void ownerAccountId(String value) {
        Validation.modeled("eventDataStoreOwnerAccountId", value, 12, 16, ACCOUNT_ID, "digits only");
    }

    static void nextToken(String value) {
        Validation.modeled("nextToken", value, 4, 1000, ANYTHING, "a token from a previous page");
    }

    static void queryAlias(String value) {
        Validation.modeled("queryAlias", value, 1, 256, QUERY_ALIAS,
            "a letter followed by letters, digits and . _ -");
    }

    static void refreshId(String value) {
        Validation.modeled("refreshId", value, 10, 20, ACCOUNT_ID, "digits only");
    }

    static void maxResults(Integer value) {
        if (value != null && (value < 1 || value > 1000)) {
            throw new InvalidInputException("maxResults", "must be 1 to 1000, was " + value);
        }
    }
}
