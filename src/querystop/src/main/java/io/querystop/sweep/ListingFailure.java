package io.querystop.sweep;

/**
 * An endpoint could not be listed, or one listed item could not be read; the sweep goes on without it.
 *
 * @param endpoint the endpoint asked
 * @param language what was listed: {@code gremlin}, {@code opencypher}, {@code load} or {@code sql} (CloudTrail)
 * @param id       the item that could not be read (a load id, a CloudTrail query id, an event data store), or
 *                 {@code null} when the listing itself failed
 * @param error    the error
 */
public record ListingFailure(String endpoint, String language, String id, Throwable error) implements SweepEvent {
}
