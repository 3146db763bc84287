package io.querystop.benchmarks.outside;

import io.querystop.benchmarks.LoopbackServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loopback server in a process of its own ({@link LoopbackServerMain}), so that no client shares a JVM with it:
 * its port, and its count of requests served, asked over its standard input.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader answers;
    private final Writer commands;
    private final int port;

    ServerProcess(String java, String classpath) throws IOException {
        this.process = new ProcessBuilder(List.of(java, "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp", classpath, LoopbackServerMain.class.getName()))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String first = answers.readLine();
        if (first == null) {
            throw new IOException("the loopback server did not start");
        }
        this.port = Integer.parseInt(first.trim());
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Requests served since the server started. */
    long requests() throws IOException {
        commands.write("count\n");
        commands.flush();
        return Long.parseLong(answers.readLine().trim());
    }

    @Override
    public void close() throws InterruptedException, IOException {
        commands.close(); // end of input: the server stops
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
