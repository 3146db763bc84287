package io.querystop.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.querystop.AwsErrorDetails;
import io.querystop.neptunedata.errors.InvalidParameterException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;

/** The error mapping bean: in reactive web applications, unless turned off or replaced; what it writes. */
class QuerystopWebFluxAutoConfigurationTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(QuerystopWebFluxAutoConfiguration.class));

    @Test
    void writesAProblemDetailForAQuerystopError() {
        runner.run(context -> {
            QuerystopErrorWebExceptionHandler handler = context.getBean(QuerystopErrorWebExceptionHandler.class);
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.delete("/queries/q-1"));
            InvalidParameterException notRunning = new InvalidParameterException(new AwsErrorDetails("NeptuneData",
                "CancelGremlinQuery", 400, "InvalidParameterException", "Supplied queryId q-1 is invalid", "req-7",
                false, false));

            StepVerifier.create(handler.handle(exchange, notRunning)).verifyComplete();

            assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(404);
            assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            StepVerifier.create(exchange.getResponse().getBodyAsString())
                .assertNext(body -> assertThat(body)
                    .contains("\"status\":404", "\"title\":\"Not running\"", "\"instance\":\"/queries/q-1\"",
                        "\"errorCode\":\"InvalidParameterException\"", "\"requestId\":\"req-7\"")
                    .doesNotContain("\"properties\""))   // the extra members are top-level, as RFC 9457 has them
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        });
    }

    @Test
    void passesOtherErrorsOn() {
        runner.run(context -> {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
            IllegalStateException other = new IllegalStateException("not ours");
            StepVerifier.create(context.getBean(QuerystopErrorWebExceptionHandler.class).handle(exchange, other))
                .verifyErrorSatisfies(error -> assertThat(error).isSameAs(other));
        });
    }

    @Test
    void offByProperty() {
        runner.withPropertyValues("querystop.web.error-mapping=false")
            .run(context -> assertThat(context).doesNotHaveBean(QuerystopErrorWebExceptionHandler.class));
    }

    @Test
    void theApplicationsOwnHandlerWins() {
        QuerystopErrorWebExceptionHandler own = new QuerystopErrorWebExceptionHandler(List.of());
        runner.withBean(QuerystopErrorWebExceptionHandler.class, () -> own)
            .run(context -> assertThat(context.getBean(QuerystopErrorWebExceptionHandler.class)).isSameAs(own));
    }

    @Test
    void notInAnApplicationThatIsNotReactiveWeb() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(QuerystopWebFluxAutoConfiguration.class))
            .run(context -> assertThat(context).doesNotHaveBean(QuerystopErrorWebExceptionHandler.class));
    }
}
