package dev.swasd.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.catalog.OperationDef;
import dev.swasd.catalog.ParamDef;
import dev.swasd.catalog.ParamKind;
import dev.swasd.errors.GatewayErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The validate stage: checks every catalog parameter of an operation (presence, type, length,
 * count, enumeration) and converts it to its typed value, before any domain code runs. Unknown
 * parameters are ignored, as the gateway does.
 *
 * <p>Every list or structured parameter is accepted in both forms clients send: the repeat form
 * ({@code Name.1=…}, {@code Name.1.Key=…}, {@code Name.Key=…}) and JSON text in one parameter
 * ({@code Name=["…"]}, {@code Name=[{"Key":"…"}]}), whichever the SDK model names. Both at once, or
 * a dotted form of a parameter that takes one value, is an error: a form the server does not
 * understand must never widen a filter silently.
 */
public final class ParameterValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Highest N accepted in {@code Name.N}; larger indexes are typos or attacks, not lists. */
    private static final int MAX_INDEX = 1000;

    private ParameterValidator() {}

    public static ValidatedParams validate(OperationDef op, Map<String, String> wire) {
        Map<String, Object> out = new HashMap<>();
        refuseDottedScalars(op, wire);
        for (ParamDef p : op.params()) {
            Object value = switch (p.kind()) {
                case REPEAT_LIST, REPEAT_OBJECT_LIST, FLATTENED_OBJECT ->
                    hasDotted(p, wire) || !wire.containsKey(p.name())
                            ? structured(p, wire)
                            : textForm(p, wire.get(p.name()));
                case JSON_ARRAY, COMMA_LIST ->
                    hasDotted(p, wire) ? repeatForm(p, wire) : scalarOrText(p, wire.get(p.name()));
                case JSON_VALUE -> hasDotted(p, wire) ? jsonFromDotted(p, wire) : scalarOrText(p, wire.get(p.name()));
                default -> scalarOrText(p, wire.get(p.name()));
            };
            if (value == null && p.defaultValue() != null && p.kind() != ParamKind.STRING) {
                value = scalarOrText(p, p.defaultValue());
            }
            if (value == null) {
                if (p.required()) {
                    throw GatewayErrors.missingParameter(p.name());
                }
                continue;
            }
            out.put(p.name(), value);
        }
        return new ValidatedParams(out);
    }

    /** A parameter that takes one value, given as {@code Name.…}: the client meant something this action does not take. */
    private static void refuseDottedScalars(OperationDef op, Map<String, String> wire) {
        for (String key : wire.keySet()) {
            int dot = key.indexOf('.');
            if (dot <= 0) {
                continue;
            }
            ParamDef p = op.param(key.substring(0, dot));
            if (p != null
                    && (p.kind() == ParamKind.STRING
                            || p.kind() == ParamKind.INTEGER
                            || p.kind() == ParamKind.BOOLEAN)) {
                throw GatewayErrors.invalidParameter(key, p.name() + " takes one value, not a list.");
            }
        }
    }

    private static boolean hasDotted(ParamDef p, Map<String, String> wire) {
        String prefix = p.name() + ".";
        for (String key : wire.keySet()) {
            if (key.startsWith(prefix)) {
                if (wire.containsKey(p.name())) {
                    throw GatewayErrors.invalidParameter(
                            p.name(), "give it either as " + p.name() + " or as " + prefix + "N, not both.");
                }
                return true;
            }
        }
        return false;
    }

    /** A JSON-array or comma-list parameter sent as {@code Name.1}, {@code Name.2}, … */
    private static Object repeatForm(ParamDef p, Map<String, String> wire) {
        List<String> texts = repeatTexts(p, wire);
        return texts == null ? null : items(p, texts);
    }

    /** A repeat-form parameter sent as JSON text in one parameter. */
    private static Object textForm(ParamDef p, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (p.kind()) {
            case REPEAT_LIST -> jsonArray(p, text);
            case REPEAT_OBJECT_LIST -> objectsFromJson(p, text);
            case FLATTENED_OBJECT -> {
                JsonNode node = parseJson(p, text);
                if (!node.isObject()) {
                    throw GatewayErrors.invalidParameter(p.name(), "it must be a JSON object.");
                }
                Map<String, String> object = objectFields(p, p.name(), node);
                yield object.isEmpty() ? null : Map.copyOf(object);
            }
            default -> throw new IllegalStateException(p.kind().toString());
        };
    }

    private static List<Map<String, String>> objectsFromJson(ParamDef p, String text) {
        JsonNode node = parseJson(p, text);
        if (!node.isArray()) {
            throw GatewayErrors.invalidParameter(p.name(), "it must be a JSON array of objects.");
        }
        if (node.isEmpty()) {
            return null;
        }
        if (p.maxItems() != null && node.size() > p.maxItems()) {
            throw GatewayErrors.invalidParameter(
                    p.name(), "it holds " + node.size() + " items; at most " + p.maxItems() + " are allowed.");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw GatewayErrors.invalidParameter(p.name(), "every item of the JSON array must be an object.");
            }
            out.add(Map.copyOf(objectFields(p, p.name() + "." + (i + 1), node.get(i))));
        }
        return List.copyOf(out);
    }

    /** The fields of one JSON object item, each checked as its catalog field; an unknown field is an error. */
    private static Map<String, String> objectFields(ParamDef p, String wirePrefix, JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String key = wirePrefix + "." + e.getKey();
            ParamDef.FieldDef f = p.fields().stream()
                    .filter(x -> x.name().equals(e.getKey()))
                    .findFirst()
                    .orElseThrow(() -> GatewayErrors.invalidParameter(key, "unknown field of " + p.name() + "."));
            JsonNode v = e.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw GatewayErrors.invalidParameter(key, "it must be a string or a number.");
            }
            out.put(f.name(), field(key, f, v.asText()));
        }
        return out;
    }

    /** SDK-side JSON built from the repeat or flattened form a client sent instead. */
    private static JsonNode jsonFromDotted(ParamDef p, Map<String, String> wire) {
        String prefix = p.name() + ".";
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : wire.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String rest = e.getKey().substring(prefix.length());
            int dot = rest.indexOf('.');
            String head = dot < 0 ? rest : rest.substring(0, dot);
            if (!head.isEmpty() && head.chars().allMatch(Character::isDigit)) {
                byIndex.computeIfAbsent(index(e.getKey(), head), i -> new LinkedHashMap<>())
                        .put(dot < 0 ? "" : rest.substring(dot + 1), e.getValue());
            } else {
                flat.put(rest, e.getValue());
            }
        }
        if (!byIndex.isEmpty() && !flat.isEmpty()) {
            throw GatewayErrors.invalidParameter(p.name(), "it mixes " + prefix + "N and " + prefix + "Field forms.");
        }
        if (byIndex.isEmpty()) {
            var object = JSON.createObjectNode();
            flat.forEach(object::put);
            return object;
        }
        var array = JSON.createArrayNode();
        for (Map<String, String> item : byIndex.values()) {
            if (item.size() == 1 && item.containsKey("")) {
                array.add(item.get(""));
            } else if (item.containsKey("")) {
                throw GatewayErrors.invalidParameter(p.name(), "an item is both a value and an object.");
            } else {
                var object = array.addObject();
                item.forEach(object::put);
            }
        }
        if (p.maxItems() != null && array.size() > p.maxItems()) {
            throw GatewayErrors.invalidParameter(p.name(), "it holds more than " + p.maxItems() + " items.");
        }
        return array;
    }

    private static JsonNode parseJson(ParamDef p, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null) {
                throw GatewayErrors.invalidParameter(p.name(), "it must be JSON text.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw GatewayErrors.invalidParameter(p.name(), "it must be JSON text.");
        }
    }

    private static Object scalarOrText(ParamDef p, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (p.kind()) {
            case STRING -> string(p.name(), p, text);
            case INTEGER -> integer(p.name(), p, text);
            case BOOLEAN -> bool(p.name(), text);
            case JSON_ARRAY -> jsonArray(p, text);
            case COMMA_LIST -> items(p, List.of(text.split(",", -1)));
            case JSON_VALUE -> jsonValue(p, text);
            default -> throw new IllegalStateException(p.kind().toString());
        };
    }

    private static String string(String wireName, ParamDef p, String text) {
        checkCharacters(wireName, text);
        int length = text.codePointCount(0, text.length());
        if (p.maxLength() != null && length > p.maxLength()) {
            throw GatewayErrors.invalidParameter(wireName, "it is longer than " + p.maxLength() + " characters.");
        }
        if (p.minLength() != null && length < p.minLength()) {
            throw GatewayErrors.invalidParameter(wireName, "it is shorter than " + p.minLength() + " characters.");
        }
        if (!p.enumValues().isEmpty() && !p.enumValues().contains(text)) {
            throw GatewayErrors.invalidParameter(
                    wireName, "it must be one of " + String.join(", ", p.enumValues()) + ".");
        }
        if (p.name().equals("ClientToken") && !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw GatewayErrors.invalidParameter(wireName, "it may contain only printable ASCII characters.");
        }
        return text;
    }

    private static Long integer(String wireName, ParamDef p, String text) {
        Long parsed = asciiInteger(text);
        if (parsed == null) {
            throw GatewayErrors.invalidParameter(wireName, "it must be an integer.");
        }
        long value = parsed;
        if (p.max() != null && value > p.max()) {
            throw GatewayErrors.invalidParameter(wireName, "it must not be greater than " + p.max() + ".");
        }
        if ((p.name().equals("PageNumber") || p.name().equals("PageSize")) && value < 1) {
            throw GatewayErrors.invalidParameter(wireName, "it must be at least 1.");
        }
        if (!p.enumValues().isEmpty() && !p.enumValues().contains(Long.toString(value))) {
            throw GatewayErrors.invalidParameter(
                    wireName, "it must be one of " + String.join(", ", p.enumValues()) + ".");
        }
        return value;
    }

    private static Boolean bool(String wireName, String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw GatewayErrors.invalidParameter(wireName, "it must be true or false.");
    }

    /** A JSON array of strings; a bare comma-separated list is accepted too (swas-images.md 7.1). */
    private static List<?> jsonArray(ParamDef p, String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("\"")) {
            throw GatewayErrors.invalidParameter(p.name(), "it must be a JSON array of strings.");
        }
        if (!trimmed.startsWith("[")) {
            return items(p, List.of(trimmed.split(",", -1)));
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw GatewayErrors.invalidParameter(p.name(), "it must be a JSON array of strings.");
        }
        if (node == null || !node.isArray()) {
            throw GatewayErrors.invalidParameter(p.name(), "it must be a JSON array of strings.");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : node) {
            boolean number = item.isIntegralNumber() && p.itemType() == ParamKind.INTEGER;
            if (!item.isTextual() && !number) {
                throw GatewayErrors.invalidParameter(p.name(), "every item of the JSON array must be a string.");
            }
            texts.add(item.asText());
        }
        return items(p, texts);
    }

    private static List<?> items(ParamDef p, List<String> texts) {
        if (texts.isEmpty()) {
            if (p.required()) {
                throw GatewayErrors.invalidParameter(p.name(), "it must hold at least one item.");
            }
            return null;
        }
        if (p.maxItems() != null && texts.size() > p.maxItems()) {
            throw GatewayErrors.invalidParameter(
                    p.name(), "it holds " + texts.size() + " items; at most " + p.maxItems() + " are allowed.");
        }
        List<Object> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            String item = t.trim();
            if (item.isEmpty()) {
                throw GatewayErrors.invalidParameter(p.name(), "it holds an empty item.");
            }
            checkCharacters(p.name(), item);
            out.add(p.itemType() == ParamKind.INTEGER ? integer(p.name(), p, item) : item);
        }
        return List.copyOf(out);
    }

    private static JsonNode jsonValue(ParamDef p, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null) {
                throw GatewayErrors.invalidParameter(p.name(), "it must be JSON text.");
            }
            if (p.maxItems() != null && node.size() > p.maxItems()) {
                throw GatewayErrors.invalidParameter(p.name(), "it holds more than " + p.maxItems() + " items.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw GatewayErrors.invalidParameter(p.name(), "it must be JSON text.");
        }
    }

    /** Collects {@code Name.N}, {@code Name.N.Field} and {@code Name.Field} parameters. */
    private static Object structured(ParamDef p, Map<String, String> wire) {
        String prefix = p.name() + ".";
        if (p.kind() == ParamKind.FLATTENED_OBJECT) {
            Map<String, String> object = new LinkedHashMap<>();
            for (ParamDef.FieldDef f : p.fields()) {
                String v = wire.get(prefix + f.name());
                if (v != null && !v.isEmpty()) {
                    object.put(f.name(), field(prefix + f.name(), f, v));
                }
            }
            return object.isEmpty() ? null : Map.copyOf(object);
        }
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : wire.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String indexText = dot < 0 ? rest : rest.substring(0, dot);
            int index = index(key, indexText);
            Map<String, String> item = byIndex.computeIfAbsent(index, i -> new LinkedHashMap<>());
            if (p.kind() == ParamKind.REPEAT_LIST) {
                if (dot >= 0) {
                    throw GatewayErrors.invalidParameter(key, "expected " + p.name() + ".N.");
                }
                item.put("", e.getValue());
            } else {
                String fieldName = dot < 0 ? "" : rest.substring(dot + 1);
                ParamDef.FieldDef f = p.fields().stream()
                        .filter(x -> x.name().equals(fieldName))
                        .findFirst()
                        .orElseThrow(() -> GatewayErrors.invalidParameter(key, "unknown field of " + p.name() + "."));
                item.put(fieldName, field(key, f, e.getValue()));
            }
        }
        if (byIndex.isEmpty()) {
            return null;
        }
        if (p.maxItems() != null && byIndex.size() > p.maxItems()) {
            throw GatewayErrors.invalidParameter(
                    p.name(), "it holds " + byIndex.size() + " items; at most " + p.maxItems() + " are allowed.");
        }
        if (p.kind() == ParamKind.REPEAT_OBJECT_LIST) {
            return byIndex.values().stream().map(Map::copyOf).toList();
        }
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> e : byIndex.entrySet()) {
            String wireName = p.name() + "." + e.getKey();
            String v = e.getValue().get("");
            if (v.isEmpty()) {
                throw GatewayErrors.invalidParameter(wireName, "it is empty.");
            }
            out.add(p.itemType() == ParamKind.INTEGER ? integer(wireName, p, v) : string(wireName, p, v));
        }
        return List.copyOf(out);
    }

    /** The values of {@code Name.1}, {@code Name.2}, … in index order; null when none is given. */
    private static List<String> repeatTexts(ParamDef p, Map<String, String> wire) {
        String prefix = p.name() + ".";
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : wire.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            if (rest.indexOf('.') >= 0) {
                throw GatewayErrors.invalidParameter(key, "expected " + p.name() + ".N.");
            }
            byIndex.put(index(key, rest), e.getValue());
        }
        return byIndex.isEmpty() ? null : List.copyOf(byIndex.values());
    }

    private static int index(String key, String text) {
        Long i = asciiInteger(text);
        if (i != null && i >= 1 && i <= MAX_INDEX) {
            return i.intValue();
        }
        throw GatewayErrors.invalidParameter(key, "the list index must be a number from 1 to " + MAX_INDEX + ".");
    }

    private static String field(String wireName, ParamDef.FieldDef f, String value) {
        checkCharacters(wireName, value);
        if (f.maxLength() != null && value.codePointCount(0, value.length()) > f.maxLength()) {
            throw GatewayErrors.invalidParameter(wireName, "it is longer than " + f.maxLength() + " characters.");
        }
        if (!value.isEmpty() && !f.enumValues().isEmpty() && !f.enumValues().contains(value)) {
            throw GatewayErrors.invalidParameter(
                    wireName, "it must be one of " + String.join(", ", f.enumValues()) + ".");
        }
        if (f.kind() == ParamKind.INTEGER && !value.isEmpty() && asciiInteger(value) == null) {
            throw GatewayErrors.invalidParameter(wireName, "it must be an integer.");
        }
        return value;
    }

    /**
     * An integer written in ASCII digits only, with an optional leading minus: no sign {@code +},
     * no space, no other script's digits ({@code ٥}), at most 18 digits; null otherwise.
     * {@link Long#parseLong} alone accepts {@code +5} and any Unicode digit.
     */
    static Long asciiInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 18) {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(text);
    }

    /**
     * Refuses characters no XML document can carry (controls but tab, line feed and carriage
     * return; U+FFFE, U+FFFF; an unpaired surrogate) and DEL: a value holding one could not be
     * answered in {@code Format=XML}, and no name, tag or description of the service needs one.
     */
    static void checkCharacters(String wireName, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad =
                    (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == '\uFFFE' || c == '\uFFFF';
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i));
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            }
            if (bad) {
                throw GatewayErrors.invalidParameter(
                        wireName, "it contains a control or non-character (U+" + String.format("%04X", (int) c) + ").");
            }
        }
    }
}
