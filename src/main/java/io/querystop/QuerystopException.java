package io.querystop;

/**
 * Root of every failure that querystop itself signals through a {@code Mono} or {@code Flux}.
 * Input errors are the exception: they are plain {@link java.lang.IllegalArgumentException}s naming the field.
 */
public class QuerystopException extends RuntimeException {

    public QuerystopException(String message) {
        super(message);
    }

    public QuerystopException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying the same call again may succeed; the retry policy consults this. */
    public boolean isRetryable() {
        return false;
    }
}
