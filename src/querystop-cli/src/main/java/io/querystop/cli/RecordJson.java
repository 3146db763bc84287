package io.querystop.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The listing and status responses as the AWS CLI prints them, written from the records themselves: their component
 * names are the wire's member names (camelCase for Neptune, PascalCase for CloudTrail), absent members are left out,
 * documents print as the JSON they came as, timestamps as the AWS CLI's ISO 8601 ({@code 2026-05-01T10:00:00+00:00}).
 */
final class RecordJson {

    private static final ObjectMapper NEPTUNE = mapper();
    private static final ObjectMapper CLOUDTRAIL = mapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);

    private RecordJson() {
    }

    static ObjectNode of(Object response) {
        boolean cloudTrail = response.getClass().getPackageName().equals("io.querystop.cloudtrail");
        return (cloudTrail ? CLOUDTRAIL : NEPTUNE).valueToTree(response);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.ALWAYS))
            .registerModule(new SimpleModule("aws-cli-times").addSerializer(Instant.class, new AwsCliTime()));
    }

    /** Whole seconds print without a fraction, others with six digits, as the AWS CLI does. */
    private static final class AwsCliTime extends StdSerializer<Instant> {
        private static final DateTimeFormatter WHOLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
        private static final DateTimeFormatter FRACTION =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

        AwsCliTime() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString((value.getNano() == 0 ? WHOLE : FRACTION).format(value.atOffset(ZoneOffset.UTC)));
        }
    }
}
