package io.querystop.benchmarks.compare;

/**
 * One client under comparison, cancelling Gremlin queries by id against the loopback server with a fixed number of
 * calls in flight.
 */
interface Driver extends AutoCloseable {

    /**
     * Cancels {@code ids[from, from + count)} and waits for every outcome.
     *
     * @param latencies where each call's latency in nanoseconds goes, in completion order ({@code count} long)
     * @return how many were answered as cancelled
     */
    long run(String[] ids, int from, int count, long[] latencies) throws Exception;

    static Driver create(String name, String endpoint, int concurrency) {
        return switch (name) {
            case "querystop" -> new QuerystopDriver(endpoint, concurrency);
            case "sdk-v1" -> new SdkV1Driver(endpoint, concurrency);
            case "sdk-v2" -> new SdkV2Driver(endpoint, concurrency);
            case "raw" -> new RawReactorNettyDriver(endpoint, concurrency);
            default -> throw new IllegalArgumentException("unknown client: " + name
                + " (querystop, sdk-v1, sdk-v2, raw)");
        };
    }
}
