package io.querystop.internal.blockhound;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The shipped integration names methods that really exist in the aws-sdk-java-v2 version on the class path (an SDK
 * upgrade that renames one fails here, not in an application under load), and BlockHound's ServiceLoader finds it.
 */
class QuerystopBlockHoundIntegrationTests {

    @Test
    void everyAllowedMethodExists() throws ClassNotFoundException {
        assertThat(QuerystopBlockHoundIntegration.ALLOWED).isNotEmpty();
        for (QuerystopBlockHoundIntegration.AllowedMethod allowed : QuerystopBlockHoundIntegration.ALLOWED) {
            Class<?> type = Class.forName(allowed.className(), false, getClass().getClassLoader());
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
                .as("methods declared by %s", allowed.className())
                .contains(allowed.methodName());
        }
    }

    @Test
    void serviceLoaderFindsTheIntegration() {
        assertThat(ServiceLoader.load(BlockHoundIntegration.class).stream().map(ServiceLoader.Provider::type))
            .contains(QuerystopBlockHoundIntegration.class);
    }
}
