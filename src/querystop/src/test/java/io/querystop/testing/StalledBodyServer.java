package io.querystop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server for one exchange: it answers 200 with the headers and the first bytes of a JSON body, then
 * sends nothing more, so that a test can act while the client is reading a body. It tells the test when those bytes
 * have been written and when the client closed the connection. The emulator's drip cannot say when its body started.
 */
public final class StalledBodyServer implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final ServerSocket server;
    private final byte[] head;
    private final byte[] firstBytes;
    private final CountDownLatch bodyStarted = new CountDownLatch(1);
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final Thread thread;
    private volatile Socket accepted;

    private StalledBodyServer(String body, int sentBytes) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        this.head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.firstBytes = java.util.Arrays.copyOf(bytes, sentBytes);
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.server.setSoTimeout((int) LIMIT.toMillis());
        this.thread = new Thread(this::serveOne, "stalled-body-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Starts a server that will send {@code sentBytes} of {@code body} (fewer than all) and then stall. */
    public static StalledBodyServer start(String body, int sentBytes) {
        try {
            return new StalledBodyServer(body, sentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Whether the headers and the first body bytes were written within the timeout. */
    public boolean awaitBodyStarted(Duration timeout) {
        return await(bodyStarted, timeout);
    }

    /** Whether the client closed (or reset) the connection within the timeout. */
    public boolean awaitClientClosed(Duration timeout) {
        return await(clientClosed, timeout);
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void serveOne() {
        try (Socket socket = server.accept()) {
            accepted = socket;
            socket.setSoTimeout((int) LIMIT.toMillis());
            InputStream in = socket.getInputStream();
            readRequestHead(in);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(firstBytes);
            out.flush();
            bodyStarted.countDown();
            while (in.read() >= 0) {
                // the client sends nothing more; a read ends when it closes the connection
            }
            clientClosed.countDown();
        } catch (IOException e) {
            if (bodyStarted.getCount() == 0) {
                clientClosed.countDown(); // a reset is a close too
            }
        }
    }

    /** Reads up to the blank line that ends the request head; the requests this serves carry no body. */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before its request was complete");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
        try {
            thread.join(LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
