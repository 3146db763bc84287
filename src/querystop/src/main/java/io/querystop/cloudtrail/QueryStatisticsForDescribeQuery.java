package io.querystop.cloudtrail;

import java.time.Instant;

/**
 * A query's figures so far. Every member is {@code null} when the service left it out.
 *
 * @param eventsMatched         events that matched the query
 * @param eventsScanned         events scanned
 * @param bytesScanned          bytes scanned: what the query is billed for
 * @param executionTimeInMillis how long it has run
 * @param creationTime          when it was created, by CloudTrail's clock
 */
public record QueryStatisticsForDescribeQuery(Long eventsMatched, Long eventsScanned, Long bytesScanned,
                                              Integer executionTimeInMillis, Instant creationTime) {
}
