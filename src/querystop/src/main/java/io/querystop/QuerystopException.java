package io.querystop;

/**
 * Root of every failure that querystop itself signals through a {@code Mono} or {@code Flux}.
 * Input errors are the exception: they are plain {@link java.lang.IllegalArgumentException}s naming the field.
 */
public class QuerystopException extends RuntimeException {

    private volatile int attempts;

    public QuerystopException(String message) {
        super(message);
    }

    public QuerystopException(String message, Throwable cause) {
        super(message, cause);
    }

    /** How many attempts the call made before it ended with this exception; 0 when not known. */
    public int attempts() {
        return attempts;
    }

    /** Set by the client when a call ends with this exception. */
    public void recordAttempts(int attempts) {
        this.attempts = attempts;
    }

    /** Whether trying the same call again may succeed; the retry policy consults this. */
    public boolean isRetryable() {
        return false;
    }
}
