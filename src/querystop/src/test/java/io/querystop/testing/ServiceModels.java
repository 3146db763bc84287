package io.querystop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the official service models in test resources. */
public final class ServiceModels {

    /** One modeled error of one operation. */
    public record ModeledError(String operation, String code, int status, boolean retryable) {
    }

    private ServiceModels() {
    }

    public static List<ModeledError> errors(String modelFile, String... operations) {
        JsonNode model = load(modelFile);
        List<ModeledError> errors = new ArrayList<>();
        for (String operation : operations) {
            for (JsonNode error : model.get("operations").get(operation).get("errors")) {
                String code = error.get("shape").asText();
                JsonNode shape = model.get("shapes").get(code);
                int status = shape.path("error").path("httpStatusCode").asInt(400);
                errors.add(new ModeledError(operation, code, status, shape.has("retryable")));
            }
        }
        return errors;
    }

    /** How an operation travels: method, URI template and the query parameter of each input member that has one. */
    public record Http(String method, String requestUri, Map<String, String> queryParameters, String target) {
    }

    public static Http http(String modelFile, String operation) {
        JsonNode model = load(modelFile);
        JsonNode op = model.get("operations").get(operation);
        Map<String, String> query = new LinkedHashMap<>();
        if (op.has("input")) {
            model.get("shapes").get(op.get("input").get("shape").asText()).get("members").fields()
                .forEachRemaining(member -> {
                    if ("querystring".equals(member.getValue().path("location").asText())) {
                        query.put(member.getKey(), member.getValue().get("locationName").asText());
                    }
                });
        }
        JsonNode prefix = model.get("metadata").get("targetPrefix");
        return new Http(op.get("http").get("method").asText(), op.get("http").get("requestUri").asText(), query,
            prefix == null ? null : prefix.asText() + "." + operation);
    }

    private static JsonNode load(String modelFile) {
        try (InputStream in = ServiceModels.class.getResourceAsStream("/aws-models/" + modelFile)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
