package io.querystop.spring.boot.health;

import io.querystop.AwsServiceException;
import io.querystop.neptunedata.NeptuneDataClient;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The health of one Neptune endpoint, from its engine status: up when the engine says {@code healthy}, down otherwise,
 * on any error and when no answer comes within the timeout. Details: {@code endpoint}, and {@code status} and
 * {@code role} as the engine reports them, or {@code error} (the AWS error code and request id, or the failure's type
 * and message; never a credential).
 */
public final class NeptuneHealthIndicator implements ReactiveHealthIndicator {

    private final String endpoint;
    private final NeptuneDataClient client;
    private final EngineStatusProbe probe;
    private final Duration timeout;

    /**
     * @param endpoint what the details name the endpoint (its URL as configured)
     * @param client   the client of that endpoint
     * @param probe    how to ask it
     * @param timeout  how long to wait for the answer
     */
    public NeptuneHealthIndicator(String endpoint, NeptuneDataClient client, EngineStatusProbe probe, Duration timeout) {
        this.endpoint = endpoint;
        this.client = client;
        this.probe = probe;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return Mono.defer(() -> probe.engineStatus(client))
            .map(status -> ("healthy".equals(status.status()) ? Health.up() : Health.down())
                .withDetail("endpoint", endpoint)
                .withDetail("status", String.valueOf(status.status()))
                .withDetail("role", String.valueOf(status.role()))
                .build())
            .switchIfEmpty(Mono.fromSupplier(() -> down("no engine status")))
            .timeout(timeout, Mono.fromSupplier(() -> down(new TimeoutException("no engine status within " + timeout))))
            .onErrorResume(error -> Mono.just(down(error)));
    }

    private Health down(Throwable error) {
        return down(describe(error));
    }

    private Health down(String error) {
        return Health.down().withDetail("endpoint", endpoint).withDetail("error", error).build();
    }

    /** The service's code and request id, or the type and message: querystop's messages never carry a secret. */
    static String describe(Throwable error) {
        if (error instanceof AwsServiceException service) {
            return service.statusCode() + " " + service.errorCode() + " (request id " + service.requestId() + ")";
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
