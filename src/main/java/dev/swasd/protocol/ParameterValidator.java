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
 */
public final class ParameterValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Highest N accepted in {@code Name.N}; larger indexes are typos or attacks, not lists. */
    private static final int MAX_INDEX = 1000;

    private ParameterValidator() {
    }

    public static ValidatedParams validate(OperationDef op, Map<String, String> wire) {
        Map<String, Object> out = new HashMap<>();
        for (ParamDef p : op.params()) {
            Object value = switch (p.kind()) {
                case REPEAT_LIST, REPEAT_OBJECT_LIST, FLATTENED_OBJECT -> structured(p, wire);
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
            throw GatewayErrors.invalidParameter(wireName, "it must be one of " + String.join(", ", p.enumValues()) + ".");
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
            throw GatewayErrors.invalidParameter(wireName, "it must be one of " + String.join(", ", p.enumValues()) + ".");
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
            if (!item.isTextual()) {
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
            throw GatewayErrors.invalidParameter(p.name(), "it holds " + texts.size() + " items; at most "
                    + p.maxItems() + " are allowed.");
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
                ParamDef.FieldDef f = p.fields().stream().filter(x -> x.name().equals(fieldName)).findFirst()
                        .orElseThrow(() -> GatewayErrors.invalidParameter(key, "unknown field of " + p.name() + "."));
                item.put(fieldName, field(key, f, e.getValue()));
            }
        }
        if (byIndex.isEmpty()) {
            return null;
        }
        if (p.maxItems() != null && byIndex.size() > p.maxItems()) {
            throw GatewayErrors.invalidParameter(p.name(), "it holds " + byIndex.size() + " items; at most "
                    + p.maxItems() + " are allowed.");
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
            throw GatewayErrors.invalidParameter(wireName, "it must be one of " + String.join(", ", f.enumValues()) + ".");
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
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == '\uFFFE'
                    || c == '\uFFFF';
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i));
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            }
            if (bad) {
                throw GatewayErrors.invalidParameter(wireName, "it contains a control or non-character (U+"
                        + String.format("%04X", (int) c) + ").");
            }
        }
    }
}
