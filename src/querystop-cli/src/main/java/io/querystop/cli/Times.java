package io.querystop.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Timestamps as the AWS CLI takes them: ISO 8601 (UTC when no offset is given) or epoch seconds. */
final class Times {

    private Times() {
    }

    /** @return {@code null} for {@code null} */
    static Instant parse(String option, String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        try {
            if (value.matches("\\d+(\\.\\d+)?")) {
                BigDecimal seconds = new BigDecimal(value);
                return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new CliException(CliException.USAGE, "querystop: error: argument " + option + ": '" + text
                + "' is not a time (ISO 8601, e.g. 2026-05-01T10:00:00Z, or epoch seconds)", null);
        }
    }
}
