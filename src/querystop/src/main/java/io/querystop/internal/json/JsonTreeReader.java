package io.querystop.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteBufferFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Builds one JSON value from a body that arrives in pieces. Each {@link #feed} parses everything the piece completes
 * with Jackson's non-blocking parser and returns with the piece fully consumed, so the caller may release its buffer
 * at once; only the tree under construction is kept between pieces.
 *
 * <p>Not thread-safe: one reader per response, fed in order (Netty delivers a response's pieces on one thread).
 */
public final class JsonTreeReader {

    /** Shared: Jackson factories are thread-safe and costly to create. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonParser parser;
    private final ByteBufferFeeder feeder;
    private final ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>(4);
    private String fieldName;
    private JsonNode root;
    private boolean complete;

    public JsonTreeReader() {
        try {
            this.parser = FACTORY.createNonBlockingByteBufferParser();
        } catch (IOException e) {
            throw new IllegalStateException("Jackson could not create a non-blocking parser", e);
        }
        this.feeder = (ByteBufferFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Parses what this piece of the body completes. The buffer is fully read when this returns. */
    public void feed(ByteBuffer piece) throws IOException {
        feeder.feedInput(piece);
        drain();
    }

    /**
     * Ends the input and returns the value, or {@code null} for an empty (or all-whitespace) body.
     *
     * @throws IOException when the body was cut short or was not one JSON value
     */
    public JsonNode finish() throws IOException {
        feeder.endOfInput();
        drain();
        if (root != null && !complete) {
            throw new IOException("the JSON value is cut short");
        }
        parser.close();
        return root;
    }

    private void drain() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            accept(token);
        }
    }

    private void accept(JsonToken token) throws IOException {
        if (complete) {
            throw new IOException("content after the end of the JSON value");
        }
        switch (token) {
            case START_OBJECT -> push(NODES.objectNode());
            case START_ARRAY -> push(NODES.arrayNode());
            case END_OBJECT, END_ARRAY -> {
                if (fieldName != null) {
                    // Jackson's non-blocking parser lets '{"a":}' through when a piece ends right after the colon.
                    throw new IOException("member '" + fieldName + "' has no value");
                }
                open.pop();
                complete = open.isEmpty();
            }
            case FIELD_NAME -> fieldName = parser.currentName();
            case VALUE_STRING -> attach(NODES.textNode(parser.getText()));
            case VALUE_NUMBER_INT -> attach(switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            });
            case VALUE_NUMBER_FLOAT -> attach(NODES.numberNode(parser.getDecimalValue()));
            case VALUE_TRUE -> attach(NODES.booleanNode(true));
            case VALUE_FALSE -> attach(NODES.booleanNode(false));
            case VALUE_NULL -> attach(NODES.nullNode());
            default -> throw new IOException("unexpected JSON token " + token);
        }
    }

    private void push(ContainerNode<?> container) throws IOException {
        attach(container);
        open.push(container);
        complete = false;
    }

    private void attach(JsonNode value) {
        ContainerNode<?> parent = open.peek();
        String name = fieldName;
        fieldName = null;
        if (parent == null) {
            root = value;
            complete = !value.isContainerNode();
        } else if (parent instanceof ObjectNode object) {
            object.set(name, value);
        } else {
            ((ArrayNode) parent).add(value);
        }
    }
}
