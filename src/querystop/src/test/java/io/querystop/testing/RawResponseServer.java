package io.querystop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers each request with the next scripted raw bytes, whatever they are (broken framing
 * included), on platform threads. A connection stays open after an answer unless the script says to close it, so that
 * a test can see whether the client reuses it: {@link #accepted()} counts the connections opened.
 */
public final class RawResponseServer implements AutoCloseable {

    /** One scripted answer: the bytes, and whether to close the connection once they are written. */
    public record Answer(byte[] bytes, boolean close) {
    }

    private final ServerSocket server;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private static final byte[] FALLBACK = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);

    private RawResponseServer() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-response-server");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public static RawResponseServer start() {
        try {
            return new RawResponseServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Queues an answer for the next request; the connection stays open after it. */
    public RawResponseServer enqueue(String raw) {
        return enqueue(raw.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    public RawResponseServer enqueue(byte[] raw, boolean close) {
        script.add(new Answer(raw, close));
        return this;
    }

    /** The connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                Thread connection = new Thread(() -> serve(socket), "raw-response-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readRequest(in)) {
                Answer answer = script.poll();
                out.write(answer == null ? FALLBACK : answer.bytes());
                out.flush();
                if (answer != null && answer.close()) {
                    return;
                }
            }
        } catch (SocketException e) {
            // the client closed or reset the connection: what a broken answer should make it do
        } catch (IOException e) {
            // a read timeout: the client kept an idle connection; nothing to serve
        } finally {
            open.remove(socket);
        }
    }

    /** Reads one request head and its body (by Content-Length); false when the client closed first. */
    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        for (long i = 0; i < length; i++) {
            if (in.read() < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
