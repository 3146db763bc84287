package io.querystop.cloudtrail;

import java.util.List;

/**
 * One page of event data stores.
 *
 * @param eventDataStores the stores of this page (immutable); {@code null} when absent
 * @param nextToken       the token of the next page, {@code null} on the last page
 */
public record ListEventDataStoresResponse(List<EventDataStore> eventDataStores, String nextToken) {
}
