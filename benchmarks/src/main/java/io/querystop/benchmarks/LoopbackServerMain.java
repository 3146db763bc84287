package io.querystop.benchmarks;

/**
 * Runs the {@link LoopbackServer} on its own, for profiling a client in another process: prints the port, serves until
 * stdin closes or 30 minutes pass.
 */
public final class LoopbackServerMain {

    public static void main(String[] args) throws Exception {
        try (LoopbackServer server = LoopbackServer.start()) {
            System.out.println(server.port());
            System.out.flush();
            Thread.sleep(30 * 60 * 1000L);
        }
    }
}
