package io.querystop.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.querystop.AwsServiceException;
import io.querystop.QuerystopException;
import io.querystop.cloudtrail.CancelQueryResponse;
import io.querystop.neptunedata.CancelGremlinQueryResponse;
import io.querystop.neptunedata.CancelLoaderJobResponse;
import io.querystop.neptunedata.CancelOpenCypherQueryResponse;
import io.querystop.neptunedata.GetOpenCypherQueryStatusResponse;
import io.querystop.neptunedata.QueryEvalStats;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Responses and errors as JSON with the AWS member names, as the AWS CLI prints them. Trees are built from the node
 * factory and written by a generator, never through an {@code ObjectMapper}: a short-lived command line would spend
 * a few hundred class loads setting one up.
 */
final class Json {

    static final JsonFactory FACTORY = new JsonFactory();
    /** Data binding, for the documents of status responses only; the mapper is made on first use. */
    static final LazyMapper MAPPER = new LazyMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Four-space indent and {@code "name": value}, as the AWS CLI prints. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("    ", "\n"))
        .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));

    private Json() {
    }

    static String pretty(ObjectNode node) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setPrettyPrinter(PRETTY.createInstance());
            write(json, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes a tree as its nodes would serialize themselves, without the serializer provider that would take. */
    static void write(JsonGenerator json, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    json.writeFieldName(member.getKey());
                    write(json, member.getValue());
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (JsonNode element : node) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            case STRING -> json.writeString(node.textValue());
            case BOOLEAN -> json.writeBoolean(node.booleanValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> json.writeNumber(node.intValue());
                    case LONG -> json.writeNumber(node.longValue());
                    case BIG_INTEGER -> json.writeNumber(node.bigIntegerValue());
                    case FLOAT -> json.writeNumber(node.floatValue());
                    case DOUBLE -> json.writeNumber(node.doubleValue());
                    default -> json.writeNumber(node.decimalValue());
                }
            }
            case NULL, MISSING -> json.writeNull();
            default -> json.writeString(node.asText()); // binary and POJO nodes never come from a parsed answer
        }
    }

    static ObjectNode response(Object response) {
        ObjectNode json = NODES.objectNode();
        if (response instanceof CancelGremlinQueryResponse r) {
            putIfSet(json, "status", r.status());
        } else if (response instanceof CancelOpenCypherQueryResponse r) {
            putIfSet(json, "status", r.status());
            if (r.payload() != null) {
                json.put("payload", r.payload());
            }
        } else if (response instanceof CancelLoaderJobResponse r) {
            putIfSet(json, "status", r.status());
        } else if (response instanceof GetOpenCypherQueryStatusResponse r) {
            putIfSet(json, "queryId", r.queryId());
            putIfSet(json, "queryString", r.queryString());
            QueryEvalStats stats = r.queryEvalStats();
            if (stats != null) {
                ObjectNode evalStats = json.putObject("queryEvalStats");
                if (stats.waited() != null) {
                    evalStats.put("waited", stats.waited());
                }
                if (stats.elapsed() != null) {
                    evalStats.put("elapsed", stats.elapsed());
                }
                if (stats.cancelled() != null) {
                    evalStats.put("cancelled", stats.cancelled());
                }
                if (stats.subqueries() != null) {
                    evalStats.set("subqueries", MAPPER.valueToTree(stats.subqueries()));
                }
            }
        } else if (response instanceof CancelQueryResponse r) {
            putIfSet(json, "QueryId", r.queryId());
            putIfSet(json, "QueryStatus", r.queryStatus() == null ? null : r.queryStatus().value());
            putIfSet(json, "EventDataStoreOwnerAccountId", r.eventDataStoreOwnerAccountId());
        } else if (response != null) {
            return RecordJson.of(response);
        }
        return json;
    }

    /** {@code {"code", "message", "status", "attempts"}}, members known for the error. */
    static ObjectNode error(Throwable error) {
        ObjectNode json = NODES.objectNode();
        if (error instanceof AwsServiceException service) {
            putIfSet(json, "code", service.errorCode());
            putIfSet(json, "message", service.errorMessage());
            json.put("status", service.statusCode());
        } else {
            json.put("code", error.getClass().getSimpleName());
            putIfSet(json, "message", error.getMessage());
        }
        if (error instanceof QuerystopException q && q.attempts() > 0) {
            json.put("attempts", q.attempts());
        }
        return json;
    }

    /** An {@code ObjectMapper}'s {@code valueToTree}, with the mapper (and its few hundred classes) made on first use. */
    static final class LazyMapper {
        <T extends JsonNode> T valueToTree(Object value) {
            return Holder.MAPPER.valueToTree(value);
        }

        private static final class Holder {
            static final ObjectMapper MAPPER = new ObjectMapper();
        }
    }

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
