package io.querystop.cloudtrail;

import io.querystop.InvalidInputException;
import software.amazon.awssdk.regions.EndpointTag;
import software.amazon.awssdk.regions.PartitionEndpointKey;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * CloudTrail's endpoint rules (cloudtrail-endpoint-rule-set.json), with the partitions' DNS suffixes from
 * aws-sdk-java-v2's partition metadata.
 */
final class CloudTrailEndpoints {

    private static final PartitionEndpointKey DUALSTACK =
        PartitionEndpointKey.builder().tags(EndpointTag.DUALSTACK).build();

    private CloudTrailEndpoints() {
    }

    /**
     * @param override an endpoint set by the user, or {@code null}
     * @return the endpoint URL to use
     */
    static String resolve(String region, boolean fips, boolean dualStack, String override) {
        if (override != null) {
            if (fips) {
                throw new InvalidInputException("fips", "FIPS and a custom endpoint are not supported together");
            }
            if (dualStack) {
                throw new InvalidInputException("dualStack", "dual-stack and a custom endpoint are not supported "
                    + "together");
            }
            return override;
        }
        PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
        String suffix = dualStack ? partition.dnsSuffix(DUALSTACK) : partition.dnsSuffix();
        if (fips && !dualStack && (region.equals("us-gov-east-1") || region.equals("us-gov-west-1"))) {
            return "https://cloudtrail." + region + ".amazonaws.com"; // GovCloud's regular endpoints are FIPS ones
        }
        return "https://cloudtrail" + (fips ? "-fips." : ".") + region + "." + suffix;
    }
}
