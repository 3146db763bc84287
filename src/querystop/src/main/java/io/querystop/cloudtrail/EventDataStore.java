package io.querystop.cloudtrail;

import java.time.Instant;

/**
 * One event data store of a listing ({@code EventDataStore}). Every member is {@code null} when the service left it
 * out; CloudTrail no longer returns the members after {@code name} (the model marks them deprecated), but an older
 * answer or an emulator may.
 *
 * @param eventDataStoreArn            the store's ARN: what {@code ListQueries} takes
 * @param name                         its name
 * @param terminationProtectionEnabled whether termination protection is on
 * @param status                       its status, e.g. {@code ENABLED}
 * @param multiRegionEnabled           whether it collects events of every region
 * @param organizationEnabled          whether it collects events of the whole organization
 * @param retentionPeriod              days events are kept
 * @param createdTimestamp             when it was created
 * @param updatedTimestamp             when it was last changed
 */
public record EventDataStore(String eventDataStoreArn, String name, Boolean terminationProtectionEnabled,
                             String status, Boolean multiRegionEnabled, Boolean organizationEnabled,
                             Integer retentionPeriod, Instant createdTimestamp, Instant updatedTimestamp) {
}
