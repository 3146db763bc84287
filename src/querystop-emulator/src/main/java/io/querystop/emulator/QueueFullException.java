package io.querystop.emulator;

/**
 * Neptune's {@code ThrottlingException} for a query submitted to an instance whose queue already holds its maximum of
 * waiting queries ({@link Emulator.Builder#maxWaitingQueries(int)}, 8,192 by default, as the real service).
 */
public final class QueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    QueueFullException(int maxWaiting) {
        super("ThrottlingException: the query queue is full (" + maxWaiting + " queries waiting)");
    }

    /** The service's error code, {@code ThrottlingException}. */
    public String code() {
        return "ThrottlingException";
    }
}
