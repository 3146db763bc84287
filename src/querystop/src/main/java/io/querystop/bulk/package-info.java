/**
 * Bulk calls: a {@code Publisher} of inputs in, a {@code Flux} of one {@link io.querystop.bulk.CancelOutcome} per
 * input out, pulled only as fast as the service and the consumer take them, with adaptive concurrency. Start at
 * {@link io.querystop.bulk.BulkCancel}.
 *
 * <p>The package knows no service: the caller gives the call to make for one input and the rule that tells a "not
 * running" answer; the service clients' bulk methods ({@code NeptuneDataClient.cancelGremlinQueries}, ...) are built on
 * it that way. It depends only on the {@code io.querystop} package and Reactor.
 */
package io.querystop.bulk;
