package io.querystop.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querystop.emulator.Route;
import io.querystop.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * BlockHound in the application ({@link BlockHoundInstaller}: installed as an application installs it, with the
 * integrations on the class path, querystop's included, throwing on a blocking call): 400 concurrent cancels through
 * the WebFlux controller, ten times in a row, and not one blocking call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BlockHoundBootTests {

    private static final int CONCURRENT = 400;
    private static final Queue<String> BLOCKING_CALLS = BlockHoundInstaller.BLOCKING_CALLS;

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.create();

    @DynamicPropertySource
    static void emulatorProperties(DynamicPropertyRegistry registry) {
        EmulatorCredentials.register(emulator, registry);
    }

    @AfterAll
    static void clearCredentials() {
        EmulatorCredentials.clear();
    }

    @LocalServerPort
    int port;

    @RepeatedTest(value = 10, failureThreshold = 1)
    void fourHundredConcurrentCancelsThroughTheController() {
        List<String> ids = Flux.range(0, CONCURRENT).map(i -> "q-" + i).collectList().block();
        ids.forEach(emulator.emulator()::addGremlinQuery);
        WebClient web = WebClient.create("http://127.0.0.1:" + port);

        List<HttpStatusCode> statuses;
        try {
            statuses = Flux.fromIterable(ids)
                .flatMap(id -> web.delete().uri("/queries/{id}", id).retrieve().toBodilessEntity()
                    .map(ResponseEntity::getStatusCode)
                    .onErrorResume(error -> Mono.just(HttpStatusCode.valueOf(599))), CONCURRENT)
                .collectList()
                .block(Duration.ofSeconds(30));
        } finally {
            // First: a blocking call that BlockHound stopped inside a lock can leave that lock broken and the run hung.
            assertThat(BLOCKING_CALLS).as("blocking calls BlockHound saw").isEmpty();
        }
        assertThat(statuses).hasSize(CONCURRENT).allMatch(HttpStatusCode::is2xxSuccessful);
        assertThat(ids).allSatisfy(id ->
            assertThat(emulator.emulator().state(Route.CANCEL_GREMLIN_QUERY, id)).contains("CANCELLED"));
    }

    @Test
    void blockHoundCatchesABlockingCallOnAnEventLoop() {
        assertThatThrownBy(() -> Mono.fromCallable(() -> {
                Thread.sleep(1);
                return "slept";
            }).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)))
            .hasCauseInstanceOf(BlockingOperationError.class);
        assertThat(BLOCKING_CALLS).singleElement().asString().contains("sleep");
        BLOCKING_CALLS.clear();
    }
}
