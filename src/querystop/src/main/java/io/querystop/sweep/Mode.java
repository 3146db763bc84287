package io.querystop.sweep;

import io.querystop.InvalidInputException;
import java.time.Duration;

/**
 * What a sweep does with the work it selects.
 *
 * @param action        list only, cancel, or cancel and confirm
 * @param confirmTimeout with {@link Action#CONFIRM}: how long after its cancel a query may still run before its
 *                       outcome is {@code STILL_RUNNING}; else {@code null}
 * @param pollInterval   with {@link Action#CONFIRM}: the time between two status reads of one cancelled query;
 *                       else {@code null}
 */
public record Mode(Action action, Duration confirmTimeout, Duration pollInterval) {

    /** The default wait for a cancelled query to stop. */
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    /** The default time between two status reads while confirming. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    public enum Action {
        /** Select and report; send no cancel at all. Every selected query's outcome is {@code SELECTED}. */
        DRY_RUN,
        /** Cancel each selected query once. */
        CANCEL,
        /**
         * Cancel, then read each cancelled query's status until it is gone ({@code CONFIRMED}) or the deadline passes
         * ({@code STILL_RUNNING}). Cancellation is asynchronous: a cancelled query stays listed for a while.
         */
        CONFIRM
    }

    public Mode {
        if (action == null) {
            throw new InvalidInputException("action", "must not be null");
        }
        if (action == Action.CONFIRM) {
            if (confirmTimeout == null || confirmTimeout.isNegative() || confirmTimeout.isZero()) {
                throw new InvalidInputException("confirmTimeout", "must be positive");
            }
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new InvalidInputException("pollInterval", "must be positive");
            }
        } else {
            confirmTimeout = null;
            pollInterval = null;
        }
    }

    public static Mode dryRun() {
        return new Mode(Action.DRY_RUN, null, null);
    }

    public static Mode cancel() {
        return new Mode(Action.CANCEL, null, null);
    }

    /** Cancel and confirm, waiting up to 30 s for each query, reading its status every 500 ms. */
    public static Mode cancelAndConfirm() {
        return cancelAndConfirm(DEFAULT_CONFIRM_TIMEOUT, DEFAULT_POLL_INTERVAL);
    }

    public static Mode cancelAndConfirm(Duration confirmTimeout, Duration pollInterval) {
        return new Mode(Action.CONFIRM, confirmTimeout, pollInterval);
    }
}
