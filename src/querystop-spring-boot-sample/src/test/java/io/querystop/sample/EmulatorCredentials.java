package io.querystop.sample;

import io.querystop.emulator.junit.EmulatorExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Points the application at a test class's emulator: its endpoint and region as the two querystop properties, and its
 * key pair where the AWS default credentials chain looks first (the aws.accessKeyId and aws.secretAccessKey system
 * properties), so that the application runs as in production, with no credentials bean of the test's.
 */
final class EmulatorCredentials {

    private EmulatorCredentials() {
    }

    static void register(EmulatorExtension emulator, DynamicPropertyRegistry registry) {
        registry.add("querystop.neptune.endpoint", () -> emulator.endpoint().toString());
        registry.add("querystop.neptune.region", emulator::region);
        AwsCredentials credentials = emulator.credentialsProvider().resolveCredentials();
        System.setProperty("aws.accessKeyId", credentials.accessKeyId());
        System.setProperty("aws.secretAccessKey", credentials.secretAccessKey());
    }

    static void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
