/**
 * AWS CloudTrail Lake: list event data stores and their queries (with pagination), describe and cancel a query. Start
 * at {@link io.querystop.cloudtrail.CloudTrailClient}.
 */
package io.querystop.cloudtrail;
