package io.querystop.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one pass found: the candidates, the failures to report, every listed key (to forget, in watch mode, the work
 * that is gone), and whether every listing answered (only then may keys be forgotten).
 */
record Listing(List<Candidate> candidates, List<ListingFailure> failures, Set<String> listedKeys, boolean complete) {

    static Listing of(List<Candidate> candidates, Set<String> listedKeys) {
        return new Listing(candidates, List.of(), listedKeys, true);
    }

    /** A listing that did not answer: what it would have listed is unknown. */
    static Listing failed(ListingFailure failure) {
        return new Listing(List.of(), List.of(failure), Set.of(), false);
    }

    /** One listed item that could not be read: the listing itself is complete. */
    static Listing itemFailed(ListingFailure failure, String key) {
        return new Listing(List.of(), List.of(failure), Set.of(key), true);
    }

    static Listing merge(Collection<Listing> parts) {
        List<Candidate> candidates = new ArrayList<>();
        List<ListingFailure> failures = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        boolean complete = true;
        for (Listing part : parts) {
            candidates.addAll(part.candidates());
            failures.addAll(part.failures());
            keys.addAll(part.listedKeys());
            complete &= part.complete();
        }
        return new Listing(candidates, failures, keys, complete);
    }
}
