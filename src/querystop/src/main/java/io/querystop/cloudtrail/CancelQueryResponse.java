package io.querystop.cloudtrail;

/**
 * @param queryId                      the cancelled query's id; {@code null} when absent
 * @param queryStatus                  its status after the request, usually {@code RUNNING} or {@code CANCELLED};
 *                                     a status this client does not know is kept as it came
 * @param eventDataStoreOwnerAccountId the event data store owner's account; {@code null} when absent
 */
public record CancelQueryResponse(String queryId, QueryStatus queryStatus, String eventDataStoreOwnerAccountId) {
}
