package io.querystop;

import java.time.Duration;

/** Checks shared by the settings records; each failure names the setting. */
final class Settings {

    private Settings() {
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new InvalidInputException(name, "must not be null");
        }
    }

    static void positive(String name, int value) {
        if (value <= 0) {
            throw new InvalidInputException(name, "must be positive, was " + value);
        }
    }

    static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidInputException(name, "must be a positive duration, was " + value);
        }
    }
}
