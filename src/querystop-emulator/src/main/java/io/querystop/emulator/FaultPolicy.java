package io.querystop.emulator;

/**
 * Decides a fault for each request that has none queued, e.g. one request in ten. Called on the emulator's event
 * loop: keep it quick and non-blocking.
 */
@FunctionalInterface
public interface FaultPolicy {

    /** @return the fault for this request, or {@code null} for the normal answer */
    Fault faultFor(RecordedRequest request);
}
