package io.querystop.internal;

import io.querystop.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Input checks used by the request records' constructors. Every failure is an {@link InvalidInputException} that names
 * the field, so it reaches the caller through the {@code Mono} before any I/O.
 */
public final class Validation {

    /** Longest id accepted in a URL path, in characters. Neptune's own ids are 36-character UUIDs. */
    public static final int MAX_PATH_ID_LENGTH = 1024;

    private Validation() {
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return value;
    }

    /**
     * An id that travels as one URL path segment. Any character is allowed (it is percent-encoded), except that it
     * must not be blank, too long, {@code .} or {@code ..} (a path-normalizing proxy would resolve those to another
     * resource), or contain an unpaired surrogate (it has no UTF-8 form).
     */
    public static String pathId(String field, String value) {
        notNull(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (value.length() > MAX_PATH_ID_LENGTH) {
            throw new InvalidInputException(field, "must be at most " + MAX_PATH_ID_LENGTH
                + " characters, was " + value.length());
        }
        if (value.equals(".") || value.equals("..")) {
            throw new InvalidInputException(field, "must not be '" + value
                + "': a proxy that normalizes paths would send the request to another resource");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "contains an unpaired surrogate at index " + i
                    + " and has no UTF-8 form");
            }
        }
        return value;
    }

    /** A string member with the length and pattern constraints of a service model. {@code null} passes. */
    public static String modeled(String field, String value, int minLength, int maxLength, Pattern pattern,
                                 String patternDescription) {
        if (value == null) {
            return null;
        }
        if (value.length() < minLength || value.length() > maxLength) {
            throw new InvalidInputException(field, "must be " + (minLength == maxLength
                ? minLength + " characters" : minLength + " to " + maxLength + " characters")
                + ", was " + value.length());
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be " + patternDescription);
        }
        return value;
    }
}
