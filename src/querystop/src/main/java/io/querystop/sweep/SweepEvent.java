package io.querystop.sweep;

/**
 * What a sweep reports: one {@link SweepOutcome} per selected piece of work, and a {@link ListingFailure} each time an
 * endpoint could not be listed or a listed item could not be read. A listing failure is an event, never an error of
 * the stream: the other endpoints are still swept.
 */
public sealed interface SweepEvent permits SweepOutcome, ListingFailure {

    /** The endpoint the event is about: the instance that listed the work, or the CloudTrail endpoint. */
    String endpoint();
}
