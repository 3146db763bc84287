package io.querystop.testing;

import io.querystop.emulator.Fault;

/**
 * The scripted faults of the load tests, by call index and attempt, about 10% of calls: 1/50 a 503 on the first
 * attempt, 1/50 a reset on the first attempt, 1/50 a Neptune 500 ThrottlingException on the first attempt (all three
 * then succeed), 1/50 a 400 BadRequestException every time, 1/50 an empty 503 every time.
 */
public final class FaultScript {

    private FaultScript() {
    }

    public static Fault faultFor(int index, int attempt) {
        return switch (index % 50) {
            case 1 -> attempt == 1 ? Fault.respond(503, "text/html", "<html>busy</html>") : null;
            case 2 -> attempt == 1 ? Fault.reset() : null;
            case 3 -> attempt == 1 ? Fault.error(500, "ThrottlingException", "Rate exceeded") : null;
            case 4 -> Fault.error(400, "BadRequestException", "never valid");
            case 5 -> Fault.respond(503, null, "");
            default -> null;
        };
    }

    /** Requests the emulator sees for {@code calls} calls under standard mode without a quota. */
    public static long expectedRequests(int calls) {
        long fiftieths = calls / 50;
        return 45 * fiftieths + 3 * 2 * fiftieths + fiftieths + 3 * fiftieths;
    }
}
