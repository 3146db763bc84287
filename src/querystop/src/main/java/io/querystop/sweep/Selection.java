package io.querystop.sweep;

import io.querystop.InvalidInputException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which work a sweep selects. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * Selection oldGremlin = Selection.defaults()
 *     .withLanguages(QueryLanguage.GREMLIN)
 *     .withMinimumAge(Duration.ofMinutes(5))
 *     .withMatch("g\\.V\\(\\)\\.repeat");
 * }</pre>
 *
 * @param languages      the query languages to sweep (Neptune queries; default both)
 * @param minimumAge     work at least this old is selected, a query exactly this old included (default 0). A Neptune
 *                       query's age is {@code waited + elapsed} (its timeout counts from queue entry); a load's, the
 *                       time since its {@code startTime}; a CloudTrail query's, the time since its
 *                       {@code CreationTime}, on the service's clock when the answer says what time it is
 * @param includeWaiting also select Neptune queries still waiting in the queue, and list queued loads (default off).
 *                       CloudTrail sweeps always take {@code QUEUED} and {@code RUNNING} queries: both hold one of the
 *                       account's ten slots
 * @param match          a regular expression that must be found in the query text ({@link java.util.regex.Matcher#find}),
 *                       or {@code null} for any text. Neptune lists only the first 1,024 characters of a query, so the
 *                       expression is matched against the first 1,024 characters, whatever the source gives. Loads
 *                       have no text and ignore it
 * @param skipCancelled  leave out Neptune queries listed as already cancelled ({@code cancelled: true}), whose
 *                       cancellation is under way (default on)
 * @param maxCount       select at most this many per pass, the oldest first (default no limit)
 */
public record Selection(Set<QueryLanguage> languages, Duration minimumAge, boolean includeWaiting, Pattern match,
                        boolean skipCancelled, int maxCount) {

    /** How much of a query's text Neptune lists, and so how much {@link #match} sees. */
    public static final int LISTED_TEXT_LENGTH = 1024;

    private static final Selection DEFAULTS = new Selection(EnumSet.allOf(QueryLanguage.class), Duration.ZERO, false,
        null, true, Integer.MAX_VALUE);

    public Selection {
        if (languages == null || languages.isEmpty()) {
            throw new InvalidInputException("languages", "must name at least one language");
        }
        languages = Collections.unmodifiableSet(EnumSet.copyOf(languages));
        if (minimumAge == null || minimumAge.isNegative()) {
            throw new InvalidInputException("minimumAge", "must be zero or positive");
        }
        if (maxCount <= 0) {
            throw new InvalidInputException("maxCount", "must be positive, was " + maxCount);
        }
    }

    /** Both languages, any age, running queries only, any text, already cancelled ones left out, no limit. */
    public static Selection defaults() {
        return DEFAULTS;
    }

    /** Whether a query's text passes {@link #match}: found in its first 1,024 characters. */
    public boolean matchesText(String text) {
        if (match == null) {
            return true;
        }
        if (text == null) {
            return false;
        }
        return match.matcher(text.length() > LISTED_TEXT_LENGTH ? text.substring(0, LISTED_TEXT_LENGTH) : text).find();
    }

    /** Whether work of this age (milliseconds) is old enough. */
    public boolean oldEnough(long ageMillis) {
        return ageMillis >= minimumAge.toMillis();
    }

    public Selection withLanguages(QueryLanguage... values) {
        if (values == null || values.length == 0) {
            throw new InvalidInputException("languages", "must name at least one language");
        }
        return withLanguages(EnumSet.copyOf(Arrays.asList(values)));
    }

    public Selection withLanguages(Set<QueryLanguage> values) {
        return new Selection(values, minimumAge, includeWaiting, match, skipCancelled, maxCount);
    }

    public Selection withMinimumAge(Duration value) {
        return new Selection(languages, value, includeWaiting, match, skipCancelled, maxCount);
    }

    public Selection withIncludeWaiting(boolean value) {
        return new Selection(languages, minimumAge, value, match, skipCancelled, maxCount);
    }

    /** The expression compiled; {@code null} for any text. An invalid expression is refused with its field named. */
    public Selection withMatch(String regex) {
        Pattern pattern;
        try {
            pattern = regex == null ? null : Pattern.compile(regex);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("match", "is not a valid regular expression: " + e.getMessage(), e);
        }
        return withMatch(pattern);
    }

    public Selection withMatch(Pattern value) {
        return new Selection(languages, minimumAge, includeWaiting, value, skipCancelled, maxCount);
    }

    public Selection withSkipCancelled(boolean value) {
        return new Selection(languages, minimumAge, includeWaiting, match, value, maxCount);
    }

    public Selection withMaxCount(int value) {
        return new Selection(languages, minimumAge, includeWaiting, match, skipCancelled, value);
    }
}
