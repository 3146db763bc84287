package io.querystop.cloudtrail;

import io.querystop.InvalidInputException;

/**
 * The query to describe ({@code DescribeQuery}): by id, or by alias and refresh id (for queries run by a dashboard).
 * Members left {@code null} are left out of the request.
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming the member that breaks the model's
 * constraints, or {@code queryId} when neither an id nor an alias is given.
 *
 * @param queryId                      the 36-character id ({@code [a-f0-9-]})
 * @param eventDataStore               the event data store's ARN or id suffix; optional (deprecated by CloudTrail)
 * @param eventDataStoreOwnerAccountId the owner's account id, 12 to 16 digits; optional
 * @param queryAlias                   the alias of a dashboard's query, instead of {@code queryId}
 * @param refreshId                    the dashboard refresh's id, 10 to 20 digits, with {@code queryAlias}
 */
public record DescribeQueryRequest(String queryId, String eventDataStore, String eventDataStoreOwnerAccountId,
                                   String queryAlias, String refreshId) {

    public DescribeQueryRequest {
        if (queryId == null && queryAlias == null) {
            throw new InvalidInputException("queryId", "must not be null (or give queryAlias and refreshId)");
        }
        CloudTrailConstraints.queryId(queryId);
        CloudTrailConstraints.eventDataStore(eventDataStore);
        CloudTrailConstraints.ownerAccountId(eventDataStoreOwnerAccountId);
        CloudTrailConstraints.queryAlias(queryAlias);
        CloudTrailConstraints.refreshId(refreshId);
    }

    public DescribeQueryRequest(String queryId) {
        this(queryId, null, null, null, null);
    }
}
