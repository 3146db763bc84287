package io.querystop.spring.boot.web;

import io.querystop.QuerystopException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.WebExceptionHandler;

/**
 * In a WebFlux application, querystop's errors become problem details ({@link QuerystopErrorWebExceptionHandler}):
 * off with {@code querystop.web.error-mapping=false}, replaced by a bean of that type.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({QuerystopException.class, WebExceptionHandler.class, ProblemDetail.class})
@ConditionalOnProperty(prefix = "querystop.web", name = "error-mapping", havingValue = "true", matchIfMissing = true)
public class QuerystopWebFluxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    QuerystopErrorWebExceptionHandler querystopErrorWebExceptionHandler(ObjectProvider<ServerCodecConfigurer> codecs) {
        return new QuerystopErrorWebExceptionHandler(codecs.getIfAvailable(ServerCodecConfigurer::create).getWriters());
    }
}
