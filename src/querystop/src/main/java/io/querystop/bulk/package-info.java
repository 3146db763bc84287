/**
 * Bulk cancellation: a {@code Publisher} of ids in, a {@code Flux} of one {@link io.querystop.bulk.CancelOutcome} per
 * id out, pulled only as fast as the service and the consumer take them, with adaptive concurrency. Start at
 * {@link io.querystop.bulk.BulkCancel}.
 */
package io.querystop.bulk;
