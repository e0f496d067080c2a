package dev.swasd.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes the generated response records: a null value is left out, numbers keep their Java type
 * (an Integer or Long is a JSON integer, a Double a JSON number with a fraction).
 */
public final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static void put(ObjectNode o, String name, Object value) {
        JsonNode node = node(value);
        if (node != null) {
            o.set(name, node);
        }
    }

    private static JsonNode node(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s);
            case Double d -> NODES.numberNode(d);
            case Float f -> NODES.numberNode(f);
            case BigDecimal d -> NODES.numberNode(d);
            case BigInteger i -> NODES.numberNode(i);
            case ApiObject a -> a.toJson();
            case JsonNode n -> n;
            case List<?> list -> array(list);
            default ->
                throw new IllegalArgumentException(
                        "no wire form for " + value.getClass().getName());
        };
    }

    private static ArrayNode array(List<?> list) {
        ArrayNode a = NODES.arrayNode(list.size());
        for (Object item : list) {
            JsonNode n = node(item);
            a.add(n == null ? NODES.nullNode() : n);
        }
        return a;
    }
}
