package io.querystop.spring.boot.health;

import io.querystop.neptunedata.NeptuneDataClient;
import reactor.core.publisher.Mono;

/**
 * How the Neptune health indicators ask an endpoint for its engine status ({@code GET /status}, Neptune's
 * {@code GetEngineStatus}). The auto-configuration binds it to the client's own call; an application may give its own
 * bean, e.g. to probe through a proxy.
 */
@FunctionalInterface
public interface EngineStatusProbe {

    /** The engine status of the endpoint {@code client} talks to: a cold {@code Mono}, one call per subscription. */
    Mono<EngineStatus> engineStatus(NeptuneDataClient client);

    /**
     * What the health indicator reports of an endpoint.
     *
     * @param status the engine's status, {@code healthy} when all is well (or {@code recovery} after a restart)
     * @param role   {@code writer} or {@code reader}
     */
    record EngineStatus(String status, String role) {
    }
}
