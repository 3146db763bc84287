package io.querystop.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

class CloudTrailEndpointsUnitTests {

    @ParameterizedTest(name = "{0} fips={1} dualStack={2}")
    @CsvSource({
        "us-east-1,      false, false, https://cloudtrail.us-east-1.amazonaws.com",
        "us-east-1,      true,  false, https://cloudtrail-fips.us-east-1.amazonaws.com",
        "us-east-1,      false, true,  https://cloudtrail.us-east-1.api.aws",
        "us-east-1,      true,  true,  https://cloudtrail-fips.us-east-1.api.aws",
        "eu-central-1,   false, false, https://cloudtrail.eu-central-1.amazonaws.com",
        "cn-north-1,     false, false, https://cloudtrail.cn-north-1.amazonaws.com.cn",
        "cn-northwest-1, false, true,  https://cloudtrail.cn-northwest-1.api.amazonwebservices.com.cn",
        "us-gov-west-1,  false, false, https://cloudtrail.us-gov-west-1.amazonaws.com",
        "us-gov-west-1,  true,  false, https://cloudtrail.us-gov-west-1.amazonaws.com",
        "us-gov-east-1,  true,  false, https://cloudtrail.us-gov-east-1.amazonaws.com",
        "us-gov-east-1,  true,  true,  https://cloudtrail-fips.us-gov-east-1.api.aws",
        "us-iso-east-1,  false, false, https://cloudtrail.us-iso-east-1.c2s.ic.gov",
        "us-isob-east-1, true,  false, https://cloudtrail-fips.us-isob-east-1.sc2s.sgov.gov",
    })
    void endpointsFollowTheRuleSet(String region, boolean fips, boolean dualStack, String expected) {
        assertThat(CloudTrailEndpoints.resolve(region, fips, dualStack, null)).isEqualTo(expected);
    }

    @Test
    void anOverrideReplacesTheRegionalEndpoint() {
        assertThat(CloudTrailEndpoints.resolve("us-east-1", false, false, "http://127.0.0.1:9999"))
            .isEqualTo("http://127.0.0.1:9999");
    }

    @Test
    void fipsOrDualStackWithAnOverrideIsRefused() {
        assertThatThrownBy(() -> CloudTrailEndpoints.resolve("us-east-1", true, false, "https://x"))
            .isInstanceOf(java.lang.IllegalArgumentException.class).hasMessageStartingWith("fips");
        assertThatThrownBy(() -> CloudTrailEndpoints.resolve("us-east-1", false, true, "https://x"))
            .isInstanceOf(java.lang.IllegalArgumentException.class).hasMessageStartingWith("dualStack");
    }

    @Test
    void theBuilderDerivesTheEndpointFromTheRegion() {
        try (CloudTrailClient client = CloudTrailClient.builder().region("ap-southeast-2").dualStack(true)
            .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertThat(client.endpoint()).isEqualTo("https://cloudtrail.ap-southeast-2.api.aws");
            assertThat(client.region()).isEqualTo("ap-southeast-2");
        }
    }
}
