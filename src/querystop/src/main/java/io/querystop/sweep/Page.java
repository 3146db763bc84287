package io.querystop.sweep;

import java.time.Instant;
import java.util.List;

/**
 * One page of a paginated listing.
 *
 * @param items      the page's items
 * @param nextToken  the token of the next page, or {@code null} on the last page
 * @param serverTime the service's clock when it answered (such as the HTTP {@code Date} header), or {@code null} if
 *                   unknown; ages computed from the service's timestamps use it to cancel out clock skew
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, String nextToken, Instant serverTime) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
