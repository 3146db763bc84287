package io.querystop.emulator;

/** The operations the emulator serves, as a request's method and path (or {@code X-Amz-Target}) select them. */
public enum Route {
    CANCEL_GREMLIN_QUERY("neptune-db"),
    CANCEL_OPEN_CYPHER_QUERY("neptune-db"),
    GET_OPEN_CYPHER_QUERY_STATUS("neptune-db"),
    CANCEL_LOADER_JOB("neptune-db"),
    CLOUDTRAIL_CANCEL_QUERY("cloudtrail"),
    /** {@code GET /gremlin/status?includeWaiting=}. */
    LIST_GREMLIN_QUERIES("neptune-db"),
    /** {@code GET /gremlin/status/{queryId}}. */
    GET_GREMLIN_QUERY_STATUS("neptune-db"),
    /** {@code GET /opencypher/status?includeWaiting=}. */
    LIST_OPEN_CYPHER_QUERIES("neptune-db"),
    /** {@code GET /status}. */
    GET_ENGINE_STATUS("neptune-db"),
    /** {@code GET /loader?limit=&includeQueuedLoads=}. */
    LIST_LOADER_JOBS("neptune-db"),
    /** {@code GET /loader/{loadId}?details=&errors=&page=&errorsPerPage=}. */
    GET_LOADER_JOB_STATUS("neptune-db"),
    /** CloudTrail {@code ListQueries}. */
    CLOUDTRAIL_LIST_QUERIES("cloudtrail"),
    /** CloudTrail {@code DescribeQuery}. */
    CLOUDTRAIL_DESCRIBE_QUERY("cloudtrail"),
    /** CloudTrail {@code ListEventDataStores}. */
    CLOUDTRAIL_LIST_EVENT_DATA_STORES("cloudtrail"),
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
        return signingName.equals("cloudtrail");
    }
}
