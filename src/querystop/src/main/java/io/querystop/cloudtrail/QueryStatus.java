package io.querystop.cloudtrail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.querystop.internal.Validation;

/**
 * A CloudTrail Lake query's status. The six values CloudTrail documents are constants; any other value the service
 * sends is kept as it came, so a client older than the service still reads its answers.
 *
 * <p>JSON libraries write it as its value ({@code "RUNNING"}): Jackson 2 and 3 both read the {@code @JsonValue}
 * annotation (an annotation only, no Jackson type in the API; without jackson-annotations it is simply ignored).
 *
 * @param value the status exactly as on the wire
 */
public record QueryStatus(String value) {

    public static final QueryStatus QUEUED = new QueryStatus("QUEUED");
    public static final QueryStatus RUNNING = new QueryStatus("RUNNING");
    public static final QueryStatus FINISHED = new QueryStatus("FINISHED");
    public static final QueryStatus FAILED = new QueryStatus("FAILED");
    public static final QueryStatus CANCELLED = new QueryStatus("CANCELLED");
    public static final QueryStatus TIMED_OUT = new QueryStatus("TIMED_OUT");

    public QueryStatus {
        Validation.notNull("value", value);
    }

    /** The constant for a documented value, or a new instance carrying an unknown one. */
    @JsonCreator
    public static QueryStatus of(String value) {
        return switch (value) {
            case "QUEUED" -> QUEUED;
            case "RUNNING" -> RUNNING;
            case "FINISHED" -> FINISHED;
            case "FAILED" -> FAILED;
            case "CANCELLED" -> CANCELLED;
            case "TIMED_OUT" -> TIMED_OUT;
            default -> new QueryStatus(value);
        };
    }

    /** Whether the value is one of the six CloudTrail documents. */
    public boolean isKnown() {
        return switch (value) {
            case "QUEUED", "RUNNING", "FINISHED", "FAILED", "CANCELLED", "TIMED_OUT" -> true;
            default -> false;
        };
    }

    /** Whether the query has ended: finished, failed, cancelled or timed out. */
    public boolean isTerminal() {
        return switch (value) {
            case "FINISHED", "FAILED", "CANCELLED", "TIMED_OUT" -> true;
            default -> false;
        };
    }

    /** The status exactly as on the wire; also what JSON libraries write. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
