package io.querystop.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs the {@link LoopbackServer} in a process of its own, for clients in other processes: prints the port, then
 * answers each line {@code count} on standard input with the number of requests served so far, and stops when
 * standard input ends.
 */
public final class LoopbackServerMain {

    public static void main(String[] args) throws Exception {
        try (LoopbackServer server = LoopbackServer.start();
             BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println(server.port());
            System.out.flush();
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                if (line.trim().equals("count")) {
                    System.out.println(server.requests());
                    System.out.flush();
                }
            }
        }
    }
}
