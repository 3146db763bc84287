package io.querystop.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The faults scripted for an instance: queued per route, used once each, else decided by a policy. */
final class Faults {

    private final Map<Route, Queue<Fault>> queued = new EnumMap<>(Route.class);
    private volatile FaultPolicy policy;

    Faults() {
        for (Route route : Route.values()) {
            queued.put(route, new ConcurrentLinkedQueue<>());
        }
    }

    void enqueue(Route route, Fault fault) {
        queued.get(route).add(fault);
    }

    void policy(FaultPolicy policy) {
        this.policy = policy;
    }

    /** The fault for this request: the route's next queued one, else the policy's; {@code null} for none. */
    Fault next(RecordedRequest request) {
        Fault fault = queued.get(request.route()).poll();
        FaultPolicy current = policy;
        return fault == null && current != null ? current.faultFor(request) : fault;
    }

    void clear() {
        queued.values().forEach(Queue::clear);
        policy = null;
    }
}
