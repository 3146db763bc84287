package io.querystop;

import java.util.Objects;

/**
 * An input was refused before anything was sent: a request member, a builder setting or an option. It names the
 * field, so that a caller (a command line, a web form) can point at it without reading the message.
 *
 * <p>It is an {@link IllegalArgumentException}, so code that catches that keeps working.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    /**
     * @param field  the name of the member or setting, as the API spells it (e.g. {@code queryId}, {@code region})
     * @param reason what is wrong, in words that follow the field's name (e.g. {@code must not be blank})
     */
    public InvalidInputException(String field, String reason) {
        this(field, reason, null);
    }

    public InvalidInputException(String field, String reason, Throwable cause) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(reason, "reason"), cause);
        this.field = field;
        this.reason = reason;
    }

    /** The member or setting that was refused, as the API spells it. */
    public String field() {
        return field;
    }

    /** What is wrong with it; the message is {@code field + " " + reason}. */
    public String reason() {
        return reason;
    }
}
