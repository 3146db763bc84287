/** AWS CloudTrail Lake: cancel a running query. Start at {@link io.querystop.cloudtrail.CloudTrailClient}. */
package io.querystop.cloudtrail;
