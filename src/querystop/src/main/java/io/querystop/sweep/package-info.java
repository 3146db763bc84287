/**
 * Sweep: find the work that runs too long (Neptune Gremlin and openCypher queries, Neptune loader jobs, CloudTrail
 * Lake queries), cancel it through the instance that runs it, and confirm it stopped. Start at
 * {@link io.querystop.sweep.NeptuneSweep}, {@link io.querystop.sweep.LoadSweep} or
 * {@link io.querystop.sweep.CloudTrailSweep}.
 *
 * <p>The sweeps talk to the services through small ports ({@link io.querystop.sweep.QueryInstance},
 * {@link io.querystop.sweep.LoaderInstance}, {@link io.querystop.sweep.CloudTrailLake}), so an application can sweep
 * through its own implementation (or a test double) as well as through the querystop clients. Cancels run through the
 * bulk engine ({@link io.querystop.bulk.BulkCancel}). The package uses the service packages, {@code bulk} and the root;
 * none of them uses it.
 */
package io.querystop.sweep;
