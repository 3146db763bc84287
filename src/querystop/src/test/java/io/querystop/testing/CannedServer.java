package io.querystop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server with canned answers, for wire tests that must not depend on the emulator: each request
 * gets the next enqueued answer (a 500 when none is left) and is recorded whole, so that a test can check the method,
 * target, headers and body the client sent. Platform threads; keep-alive connections are served in order.
 */
public final class CannedServer implements AutoCloseable {

    /** One request as received. Header names are lower-cased. */
    public record Request(String method, String target, Map<String, String> headers, String body) {

        /** The path without the query. */
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /** The raw query after {@code ?}, or {@code null} when there is none. */
        public String query() {
            int q = target.indexOf('?');
            return q < 0 ? null : target.substring(q + 1);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket server;
    private final Queue<byte[]> answers = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger answerCount = new AtomicInteger();

    private CannedServer() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "canned-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static CannedServer start() {
        try {
            return new CannedServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Queues a JSON answer with the given status. */
    public CannedServer enqueue(int status, String json) {
        return enqueue(status, "application/json", json);
    }

    /** Queues an answer with a body of the given type ({@code null}: no Content-Type). */
    public CannedServer enqueue(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " Canned\r\n"
            + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
            + "x-amzn-RequestId: canned-" + answerCount.incrementAndGet() + "\r\n"
            + "Content-Length: " + bytes.length + "\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head8.length + bytes.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(bytes, 0, all, head8.length, bytes.length);
        answers.add(all);
        return this;
    }

    /** The next request received, waiting up to 10 seconds for it. */
    public Request takeRequest() {
        try {
            Request request = requests.poll(10, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request within 10 seconds");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How many requests were received and not yet taken. */
    public int pendingRequests() {
        return requests.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread connection = new Thread(() -> serve(socket), "canned-server-connection");
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
            Request request;
            while ((request = read(in)) != null) {
                byte[] answer = answers.poll();
                requests.add(request);
                out.write(answer != null ? answer
                    : "HTTP/1.1 500 Nothing Canned\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection, or kept it idle past the timeout
        } finally {
            open.remove(socket);
        }
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return null;
        }
        return new Request(requestLine[0], requestLine[1], headers, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
