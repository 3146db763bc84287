package io.querystop.cloudtrail;

/**
 * Which page of event data stores to list ({@code ListEventDataStores}). Members left {@code null} are left out.
 *
 * <p>The constructor throws {@link java.lang.IllegalArgumentException} naming the member that breaks the model's
 * constraints.
 *
 * @param nextToken  the token of the page to read, from the previous page; 4 to 1,000 characters
 * @param maxResults at most this many stores per page, 1 to 1,000
 */
public record ListEventDataStoresRequest(String nextToken, Integer maxResults) {

    public ListEventDataStoresRequest {
        CloudTrailConstraints.nextToken(nextToken);
        CloudTrailConstraints.maxResults(maxResults);
    }

    /** The first page, as large as the service makes it. */
    public ListEventDataStoresRequest() {
        this(null, null);
    }

    public ListEventDataStoresRequest withNextToken(String value) {
        return new ListEventDataStoresRequest(value, maxResults);
    }
}
