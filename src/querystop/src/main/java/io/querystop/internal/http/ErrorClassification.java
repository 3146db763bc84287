package io.querystop.internal.http;

import java.util.Set;

/**
 * How an error answer's code is read and classified, the same for both services (PROTOCOL.md: error-code rules and
 * the AWS standard retry mode).
 */
public final class ErrorClassification {

    /** Codes that mean "slow down" whatever the HTTP status: Neptune sends ThrottlingException with a 500. */
    static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException", "ThrottledException",
        "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete");

    /** Codes that say the request's signing time is too far from the server's clock. */
    public static final Set<String> CLOCK_SKEW_CODES = Set.of("RequestTimeTooSkewed", "RequestExpired",
        "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure", "RequestInTheFuture");

    private ErrorClassification() {
    }

    /**
     * The error code as the services' rules give it: cut at the first {@code :}, then keep what follows a {@code #}.
     * {@code com.amazonaws.neptunedata#BadRequestException:http://...} is {@code BadRequestException}.
     */
    public static String normalizeCode(String raw) {
        if (raw == null) {
            return null;
        }
        String code = raw;
        int colon = code.indexOf(':');
        if (colon >= 0) {
            code = code.substring(0, colon);
        }
        int hash = code.indexOf('#');
        if (hash >= 0) {
            code = code.substring(hash + 1);
        }
        code = code.trim();
        return code.isEmpty() ? null : code;
    }

    public static boolean isThrottling(int status, String code) {
        return status == 429 || (code != null && THROTTLING_CODES.contains(code));
    }

    public static boolean isRetryableStatus(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504 || status == 509;
    }
}
