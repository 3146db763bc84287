package io.querystop.cloudtrail;

/**
 * A query's details. Every member is {@code null} when the service left it out.
 *
 * @param queryId                      the query's id
 * @param queryString                  its SQL
 * @param queryStatus                  its status; a status this client does not know is kept as it came
 * @param queryStatistics              its figures so far
 * @param errorMessage                 why it failed, for a failed query
 * @param deliveryS3Uri                where its results are delivered
 * @param deliveryStatus               the delivery's status, e.g. {@code SUCCESS}, {@code PENDING}
 * @param prompt                       the natural-language prompt it was generated from
 * @param eventDataStoreOwnerAccountId the event data store owner's account
 */
public record DescribeQueryResponse(String queryId, String queryString, QueryStatus queryStatus,
                                    QueryStatisticsForDescribeQuery queryStatistics, String errorMessage,
                                    String deliveryS3Uri, String deliveryStatus, String prompt,
                                    String eventDataStoreOwnerAccountId) {
}
