package io.querystop.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** The default chain's first link alone when it holds keys; the whole chain otherwise. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class DefaultCredentialsUnitTests {

    @AfterEach
    void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void keysInSystemPropertiesAreReadByTheirProviderAlone() {
        System.setProperty("aws.accessKeyId", "AKIDUNITTEST");
        System.setProperty("aws.secretAccessKey", "unit-test-secret");
        IdentityProvider<? extends AwsCredentialsIdentity> provider = TransportFactory.defaultCredentials();
        assertThat(provider).isInstanceOf(SystemPropertyCredentialsProvider.class);
        AwsCredentials credentials = ((SystemPropertyCredentialsProvider) provider).resolveCredentials();
        assertThat(credentials.accessKeyId()).isEqualTo("AKIDUNITTEST");
    }

    @Test
    void anIncompletePairInPropertiesFallsToTheNextLink() {
        System.setProperty("aws.accessKeyId", "AKIDUNITTEST");
        System.setProperty("aws.secretAccessKey", " ");
        IdentityProvider<? extends AwsCredentialsIdentity> provider = TransportFactory.defaultCredentials();
        boolean envKeys = System.getenv("AWS_ACCESS_KEY_ID") != null && !System.getenv("AWS_ACCESS_KEY_ID").isBlank()
            && System.getenv("AWS_SECRET_ACCESS_KEY") != null && !System.getenv("AWS_SECRET_ACCESS_KEY").isBlank();
        assertThat(provider).isInstanceOf(envKeys ? EnvironmentVariableCredentialsProvider.class
            : DefaultCredentialsProvider.class);
    }
}
