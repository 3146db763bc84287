package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.ConnectionPoolStats;
import io.querystop.InvalidInputException;
import io.querystop.QuerystopException;
import io.querystop.RetryPolicy;
import io.querystop.Timeouts;
import io.querystop.neptunedata.NeptuneDataClient;
import io.querystop.testing.EmulatorExtension;
import io.querystop.testing.LeakRecorder;
import io.querystop.testing.RawResponseServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Signal;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Randomly mutated answers (bytes flipped, cut short, CR/LF inserted, huge header values, wrong lengths) from a raw
 * loopback server: each call ends with exactly one signal within the timeouts, a response or one of the library's
 * typed exceptions, never a raw Netty one; the pool goes back to no active connection and Netty reports no leak.
 * A plain seeded loop (the seed is in every failure message, so a failing case can be replayed) rather than a
 * property-testing library: each try draws an answer and 1 to 3 mutations from one {@code Random}.
 */
class BadResponsesPropertyTests {

    private static final List<String> VALID = List.of(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 19\r\n\r\n{\"status\":\"200 OK\"}",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "b\r\n{\"status\":\"\r\n8\r\n200 OK\"}\r\n0\r\n\r\n",
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 78\r\n\r\n"
            + "{\"code\":\"BadRequestException\",\"requestId\":\"r-1\",\"detailedMessage\":\"bad input\"}",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"status\":\"200 OK\"}");

    private RawResponseServer server;
    private NeptuneDataClient neptune;

    /** Tries per run; each is one call. About 20 to 40 s on 2 cores. */
    private static final int TRIES = 1_000;

    @BeforeEach
    void start() {
        LeakRecorder.drain();
        server = RawResponseServer.start();
        neptune = NeptuneDataClient.builder()
            .endpoint(server.endpoint())
            .region("us-east-1")
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPROPERTIES",
                "property-secret")))
            .retryPolicy(RetryPolicy.none())
            .timeouts(Timeouts.defaults().withResponse(Duration.ofMillis(200)).withCall(Duration.ofSeconds(2)))
            .build();
    }

    @AfterEach
    void stop() throws Exception {
        neptune.close(Duration.ofSeconds(10));
        server.close();
        assertThat(LeakRecorder.collect()).as("Netty leak reports after the tries").isEmpty();
    }

    @Test
    @Timeout(180)
    void aMutatedAnswerEndsTheCallWithOneTypedSignal() {
        long base = new Random().nextLong();
        Random seeds = new Random(base); // consecutive seeds would give java.util.Random correlated first draws
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < TRIES; i++) {
            outcomes.merge(oneTry(seeds.nextLong()), 1, Integer::sum);
        }
        // The mutations must really break answers, and leave some readable: both kinds of outcome occur.
        assertThat(outcomes).as("outcomes of %d tries from seed %d", TRIES, base)
            .containsKey("response").hasSizeGreaterThan(2);
    }

    private String oneTry(long seed) {
        Random random = new Random(seed);
        int valid = random.nextInt(VALID.size());
        int mutations = 1 + random.nextInt(3);
        byte[] answer = VALID.get(valid).getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder applied = new StringBuilder();
        for (int i = 0; i < mutations; i++) {
            answer = mutate(answer, random, applied);
        }
        boolean close = valid == 3 || random.nextInt(5) > 0; // an open connection makes a short answer time out
        server.enqueue(answer, close);
        String description = "seed " + seed + ": answer " + valid + " with" + applied + (close ? ", then closed" : "");

        AtomicReference<Signal<?>> outcome = new AtomicReference<>();
        neptune.cancelGremlinQuery("q")
            .materialize()
            .as(StepVerifier::create)
            .consumeNextWith(outcome::set) // on an event loop: the checks, which may block, run below
            .expectComplete()
            .verify(Duration.ofSeconds(10));
        ConnectionPoolStats stats = EmulatorExtension.awaitIdlePool(neptune::connectionPoolStats);
        assertThat(stats.active()).as("active connections after %s: %s", description, stats).isZero();
        return assertOutcome(outcome.get(), description);
    }

    private static String assertOutcome(Signal<?> signal, String description) {
        if (signal.isOnNext()) {
            return "response"; // the mutation left a readable answer
        }
        assertThat(signal.isOnError()).as("%s: %s", description, signal).isTrue();
        assertThat(signal.getThrowable()).as(description)
            .isInstanceOfAny(QuerystopException.class, InvalidInputException.class);
        return signal.getThrowable().getClass().getSimpleName();
    }

    private static byte[] mutate(byte[] bytes, Random random, StringBuilder applied) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        switch (random.nextInt(6)) {
            case 0 -> {
                applied.append(" flip@").append(at);
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[at] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 1 -> {
                applied.append(" cut@").append(at);
                return Arrays.copyOf(bytes, at);
            }
            case 2 -> {
                String inserted = List.of("\r", "\n", "\r\n", "\r\n\r\n").get(random.nextInt(4));
                applied.append(" crlf").append(inserted.length()).append('@').append(at);
                return insert(bytes, at, inserted);
            }
            case 3 -> {
                int size = random.nextInt(4) == 0 ? 9_000 + random.nextInt(100_000) : random.nextInt(9_000);
                applied.append(" header").append(size);
                int lineEnd = indexOf(bytes, "\r\n");
                return insert(bytes, lineEnd < 0 ? bytes.length : lineEnd + 2, "X-Huge: " + "h".repeat(size) + "\r\n");
            }
            case 4 -> {
                int length = random.nextInt(200);
                applied.append(" length").append(length);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                return text.replaceFirst("Content-Length: \\d+", "Content-Length: " + length)
                    .getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                applied.append(" drop@").append(at);
                if (bytes.length == 0) {
                    return bytes;
                }
                byte[] copy = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
                return copy;
            }
        }
    }

    private static byte[] insert(byte[] bytes, int at, String text) {
        byte[] inserted = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] copy = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(inserted, 0, copy, at, inserted.length);
        System.arraycopy(bytes, at, copy, at + inserted.length, bytes.length - at);
        return copy;
    }

    private static int indexOf(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text);
    }
}
