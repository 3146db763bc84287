package io.querystop.benchmarks.soak;

import io.querystop.emulator.Emulator;
import io.querystop.emulator.Fault;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's loopback server: the emulator with every id registered as a running Gremlin query and a scripted fault
 * on the first attempt of 10% of the ids, by id number: per 200 ids, 6 connection resets, 6 empty 503s, 7 Neptune
 * 500 {@code ThrottlingException}s and 1 answer that never comes (the client's read timeout). Every later attempt
 * of an id is answered normally. It counts the requests for each id.
 */
final class SoakServer implements AutoCloseable {

    static final String PREFIX = "soak-";

    private final Emulator emulator;
    private final AtomicIntegerArray requests;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong firstServedNanos = new AtomicLong();

    SoakServer(int ids) {
        this.requests = new AtomicIntegerArray(ids);
        // signatures are not verified: the soak is about outcomes, and the verifier would take the CPU the client needs
        this.emulator = Emulator.builder().verifySignatures(false).maxRecordedRequests(1).workerThreads(1).start();
        for (int i = 0; i < ids; i++) {
            emulator.addGremlinQuery(id(i));
        }
        emulator.faultPolicy(request -> {
            served.incrementAndGet();
            if (firstServedNanos.get() == 0) {
                firstServedNanos.compareAndSet(0, System.nanoTime());
            }
            int index = index(request.id());
            if (index < 0 || index >= requests.length()) {
                return null;
            }
            return requests.incrementAndGet(index) == 1 ? faultFor(index) : null;
        });
    }

    static String id(int index) {
        return PREFIX + String.format("%07d", index);
    }

    static int index(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(id.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The fault of an id's first attempt, or {@code null}. */
    static Fault faultFor(int index) {
        int slot = index % 200;
        if (slot < 6) {
            return Fault.reset();
        } else if (slot < 12) {
            return Fault.respond(503, null, "");
        } else if (slot < 19) {
            return Fault.error(500, "ThrottlingException", "Rate exceeded");
        } else if (slot == 19) {
            return Fault.noResponse();
        }
        return null;
    }

    /** Requests the faults explain for an id: one, or two when its first attempt met a fault. */
    static int explained(int index) {
        return faultFor(index) == null ? 1 : 2;
    }

    String endpoint() {
        return emulator.endpoint().toString();
    }

    /** Starts a run: {@link #firstServedNanos()} is then the first request it sends. */
    void newRun() {
        firstServedNanos.set(0);
    }

    /** When (System.nanoTime) the first request since {@link #newRun()} arrived, or 0 for none yet. */
    long firstServedNanos() {
        return firstServedNanos.get();
    }

    long served() {
        return served.get();
    }

    int requests(int index) {
        return requests.get(index);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
