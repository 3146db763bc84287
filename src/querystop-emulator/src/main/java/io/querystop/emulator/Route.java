package io.querystop.emulator;

/** The operations the emulator serves, as a request's method and path (or {@code X-Amz-Target}) select them. */
public enum Route {
    CANCEL_GREMLIN_QUERY("neptune-db"),
    CANCEL_OPEN_CYPHER_QUERY("neptune-db"),
    GET_OPEN_CYPHER_QUERY_STATUS("neptune-db"),
    CANCEL_LOADER_JOB("neptune-db"),
    CLOUDTRAIL_CANCEL_QUERY("cloudtrail"),
    /** Anything else: answered 400 in the style of the service the path belongs to. */
    UNKNOWN("neptune-db");

    private final String signingName;

    Route(String signingName) {
        this.signingName = signingName;
    }

    /** The SigV4 service name a request on this route must be signed for. */
    public String signingName() {
        return signingName;
    }

    boolean isCloudTrail() {
        return this == CLOUDTRAIL_CANCEL_QUERY;
    }
}
