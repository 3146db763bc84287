package io.querystop.spring.boot.web;

import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers querystop's errors that reach the WebFlux server as RFC 9457 problem details ({@code application/problem+json})
 * instead of a 500:
 *
 * <table>
 *   <caption>status by error</caption>
 *   <tr><th>error</th><th>status</th></tr>
 *   <tr><td>not running: {@code NeptuneDataErrors.isNotRunning}, {@code isLoaderJobNotFound},
 *       {@code CloudTrailErrors.isNotRunning}</td><td>404</td></tr>
 *   <tr><td>throttled ({@code isThrottling()})</td><td>429</td></tr>
 *   <tr><td>any other service error</td><td>502, with the service's status as {@code serviceStatus}</td></tr>
 *   <tr><td>an answer that cannot be read ({@code InvalidResponseException})</td><td>502</td></tr>
 *   <tr><td>timeouts and transport failures ({@code TransportException}, {@code CallTimeoutException})</td>
 *       <td>504</td></tr>
 *   <tr><td>no pooled connection in time ({@code PoolAcquireTimeoutException}: nothing was sent)</td><td>503</td></tr>
 *   <tr><td>bad input, e.g. an id from the path ({@code InvalidInputException})</td><td>400, with {@code field}</td></tr>
 * </table>
 *
 * Service errors carry {@code service}, {@code operation}, {@code errorCode} and {@code requestId}; others
 * {@code operation}. Nothing carries a credential or the endpoint's host. Other errors pass on to the next handler
 * (Boot's own). Runs after the application's {@code @ExceptionHandler} methods, which therefore win, and before Boot's
 * error handler ({@link #ORDER}). Replace it with a bean of this type (a subclass may override
 * {@link #problemDetail}), or turn it off with {@code querystop.web.error-mapping=false}.
 */
public class QuerystopErrorWebExceptionHandler implements WebExceptionHandler, Ordered {

    /** Just before Boot's {@code DefaultErrorWebExceptionHandler} (-1). */
    public static final int ORDER = -2;

    private final ServerResponse.Context context;

    /** @param messageWriters the application's codecs' writers, which know how to write a {@link ProblemDetail} */
    public QuerystopErrorWebExceptionHandler(List<HttpMessageWriter<?>> messageWriters) {
        List<HttpMessageWriter<?>> writers = List.copyOf(messageWriters);
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ProblemDetail problem = problemDetail(error);
        if (problem == null || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return ServerResponse.status(problem.getStatus())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyValue(problem)
            .flatMap(response -> response.writeTo(exchange, context));
    }

    /** The problem detail for {@code error}, or {@code null} to leave it to the next handler. */
    protected ProblemDetail problemDetail(Throwable error) {
        return ProblemDetails.of(error);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
