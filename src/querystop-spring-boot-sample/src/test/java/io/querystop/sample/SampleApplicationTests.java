package io.querystop.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.emulator.Route;
import io.querystop.emulator.junit.EmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The sample application on a random port, its client talking to the emulator: what a user of the starter gets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S") // the first call loads and instruments (BlockHound) many classes
@DirtiesContext
class SampleApplicationTests {

    private static final String QUERY = "f43ce17b-db01-4d37-a074-c7d5e11a8e1c";

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

    @Autowired
    WebTestClient web;

    @AfterEach
    void noBlockingCall() {
        assertThat(BlockHoundInstaller.BLOCKING_CALLS).as("blocking calls BlockHound saw").isEmpty();
    }

    @Test
    void cancelsARunningQuery() {
        emulator.emulator().addGremlinQuery(QUERY);

        web.delete().uri("/queries/{id}", QUERY).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("200 OK");

        assertThat(emulator.emulator().state(Route.CANCEL_GREMLIN_QUERY, QUERY)).contains("CANCELLED");
    }

    @Test
    void aQueryThatIsNotRunningIs404WithTheAwsErrorCodeAndRequestId() {
        web.delete().uri("/queries/{id}", "finished-long-ago").exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(404)
            .jsonPath("$.title").isEqualTo("Not running")
            .jsonPath("$.detail").isEqualTo("Supplied queryId finished-long-ago is invalid")
            .jsonPath("$.service").isEqualTo("NeptuneData")
            .jsonPath("$.serviceStatus").isEqualTo(400)
            .jsonPath("$.instance").isEqualTo("/queries/finished-long-ago")
            .jsonPath("$.errorCode").isEqualTo("InvalidParameterException")
            .jsonPath("$.operation").isEqualTo("CancelGremlinQuery")
            .jsonPath("$.requestId").value(requestId -> assertThat((String) requestId).isNotBlank());
    }

    @Test
    void anUnknownLoaderJobIs404() {
        web.delete().uri("/loads/{id}", "no-such-load").exchange()
            .expectStatus().isNotFound()
            .expectBody().jsonPath("$.errorCode").isEqualTo("BulkLoadIdNotFoundException");
    }

    @Test
    void healthIsUp() {
        web.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void metricsListTheClientRequestsAndTheConnectionPoolGauges() {
        emulator.emulator().addGremlinQuery(QUERY);
        web.delete().uri("/queries/{id}", QUERY).exchange().expectStatus().isOk(); // the pool exists once used

        web.get().uri("/actuator/metrics").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.names").value(List.class, names -> assertThat(names)
                .contains("querystop.client.requests", "reactor.netty.connection.provider.active.connections"));
        web.get().uri("/actuator/metrics/querystop.client.requests?tag=operation:CancelGremlinQuery&tag=outcome:success")
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.measurements[0].value").value(Number.class,
                count -> assertThat(count.doubleValue()).isGreaterThanOrEqualTo(1.0));
    }
}
