package dev.swasd.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Product} from a specification file in the format of spec/actions.json (the
 * request trees the official TypeScript SDK declares), so that the catalog is generated from the
 * specification rather than written by hand.
 */
public final class CatalogLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogLoader() {}

    public static Product load(String productCode, String resource) {
        return parse(productCode, read(resource), Map.of());
    }

    /**
     * A product whose access levels live in its RAM bindings file (swas-open-ram.json) rather than
     * beside each action.
     */
    public static Product load(String productCode, String resource, String bindingsResource) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (JsonNode row : read(bindingsResource).path("actions")) {
            levels.put(row.path("action").asText(), row.path("accessLevel").asText());
        }
        return parse(productCode, read(resource), levels);
    }

    /**
     * A product with extension actions beside its SDK-derived catalog: actions real clients call
     * that the SDK model lacks (same file format, e.g. CreateDisk in swas-open-extensions.json).
     */
    public static Product load(
            String productCode, String resource, String bindingsResource, String extensionsResource) {
        JsonNode root = read(resource).deepCopy();
        ArrayNode actions = (ArrayNode) root.path("actions");
        read(extensionsResource).path("actions").forEach(actions::add);
        Map<String, String> levels = new LinkedHashMap<>();
        for (JsonNode row : read(bindingsResource).path("actions")) {
            levels.put(row.path("action").asText(), row.path("accessLevel").asText());
        }
        return parse(productCode, root, levels);
    }

    /** A product whose actions carry their access levels, with extension actions beside them (ram-extensions.json). */
    public static Product loadWithExtensions(String productCode, String resource, String extensionsResource) {
        JsonNode root = read(resource).deepCopy();
        ArrayNode actions = (ArrayNode) root.path("actions");
        read(extensionsResource).path("actions").forEach(actions::add);
        return parse(productCode, root, Map.of());
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Product parse(String productCode, JsonNode root) {
        return parse(productCode, root, Map.of());
    }

    private static Product parse(String productCode, JsonNode root, Map<String, String> levels) {
        String version = root.path("apiVersion").asText();
        Map<String, OperationDef> ops = new LinkedHashMap<>();
        for (JsonNode action : root.path("actions")) {
            List<ParamDef> params = new ArrayList<>();
            for (JsonNode p : action.path("request")) {
                params.add(CommonRules.refine(productCode, param(p)));
            }
            String name = action.path("action").asText();
            String level = action.has("accessLevel") ? action.get("accessLevel").asText() : levels.get(name);
            if (level == null || level.isEmpty()) {
                throw new IllegalStateException(productCode + " " + name + " has no access level in the catalog");
            }
            ops.put(
                    name,
                    new OperationDef(
                            productCode, version, name, action.path("method").asText("POST"), level, params));
        }
        return new Product(productCode, version, ops);
    }

    private static ParamDef param(JsonNode p) {
        String type = p.path("type").asText();
        String encoding = p.path("encoding").asText("");
        ParamKind kind;
        ParamKind itemType = null;
        if (p.path("jsonArrayString").asBoolean(false)) {
            kind = ParamKind.JSON_ARRAY;
            itemType = ParamKind.STRING;
        } else {
            switch (encoding) {
                case "repeatList" -> {
                    boolean objects = type.equals("array<object>");
                    kind = objects ? ParamKind.REPEAT_OBJECT_LIST : ParamKind.REPEAT_LIST;
                    itemType = type.equals("array<number>") ? ParamKind.INTEGER : ParamKind.STRING;
                }
                case "json" -> kind = ParamKind.JSON_VALUE;
                case "simple" -> {
                    kind = ParamKind.COMMA_LIST;
                    itemType = ParamKind.STRING;
                }
                case "flattened" -> kind = ParamKind.FLATTENED_OBJECT;
                default -> kind = scalar(type);
            }
        }
        List<ParamDef.FieldDef> fields = new ArrayList<>();
        JsonNode fieldNodes = p.has("itemFields") ? p.get("itemFields") : p.path("fields");
        for (JsonNode f : fieldNodes) {
            fields.add(new ParamDef.FieldDef(
                    f.path("name").asText(),
                    scalar(f.path("type").asText()),
                    intOrNull(f, "maxLength"),
                    strings(f.path("enum"))));
        }
        return new ParamDef(
                p.path("name").asText(),
                kind,
                itemType,
                p.path("required").asBoolean(false),
                intOrNull(p, "minLength"),
                intOrNull(p, "maxLength"),
                intOrNull(p, "maxItems"),
                p.has("max") ? p.get("max").asLong() : null,
                strings(p.path("enum")),
                p.has("default") ? p.get("default").asText() : null,
                fields);
    }

    private static ParamKind scalar(String type) {
        return switch (type) {
            case "number", "integer" -> ParamKind.INTEGER;
            case "boolean" -> ParamKind.BOOLEAN;
            default -> ParamKind.STRING;
        };
    }

    private static Integer intOrNull(JsonNode n, String field) {
        return n.has(field) ? n.get(field).asInt() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
