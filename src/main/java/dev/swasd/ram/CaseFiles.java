package dev.swasd.ram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads decision-case files (ram.md section 9). Strict, so that a typo in a hand-written case is
 * an error rather than a silently different case: unknown fields, duplicate names and malformed
 * policies are refused with a one-line {@link CaseFileException}.
 */
public final class CaseFiles {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Set<String> CASE_FIELDS = Set.of("name", "policies", "request", "expect", "basis", "note");
    private static final Set<String> REQUEST_FIELDS = Set.of("action", "resources", "context", "principalType");

    private CaseFiles() {}

    public static List<SimulationCase> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CaseFileException("not valid JSON: " + PolicyParser.jsonProblem(e));
        }
        if (root == null || !root.isArray()) {
            throw new CaseFileException("a case file is a JSON array of cases");
        }
        List<SimulationCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            SimulationCase c = caseAt(i, root.get(i));
            if (!names.add(c.name())) {
                throw new CaseFileException("case " + i + ": name \"" + c.name() + "\" is used twice");
            }
            cases.add(c);
        }
        return cases;
    }

    private static SimulationCase caseAt(int index, JsonNode node) {
        String where = "case " + index;
        if (!node.isObject()) {
            throw new CaseFileException(where + " must be an object");
        }
        String name =
                text(node, "name", where).orElseThrow(() -> new CaseFileException(where + ": \"name\" is required"));
        String at = where + " (" + name + ")";
        unknownFields(node, CASE_FIELDS, at);
        JsonNode policiesNode = node.get("policies");
        if (policiesNode == null || !policiesNode.isArray()) {
            throw new CaseFileException(at + ": \"policies\" must be a list of policy documents");
        }
        List<NamedPolicy> policies = new ArrayList<>();
        for (int p = 0; p < policiesNode.size(); p++) {
            JsonNode doc = policiesNode.get(p);
            String label = "policies[" + p + "]";
            String text = doc.isTextual() ? doc.asText() : doc.toString();
            try {
                policies.add(new NamedPolicy(label, PolicyParser.parse(text)));
            } catch (MalformedPolicyException e) {
                throw new CaseFileException(at + ": " + label + ": " + e.getMessage());
            }
        }
        JsonNode req = node.get("request");
        if (req == null || !req.isObject()) {
            throw new CaseFileException(at + ": \"request\" must be an object");
        }
        String reqAt = at + ": request";
        unknownFields(req, REQUEST_FIELDS, reqAt);
        String action =
                text(req, "action", reqAt).orElseThrow(() -> new CaseFileException(reqAt + ": \"action\" is required"));
        List<String> resources = resources(req.get("resources"), reqAt);
        PrincipalType principal = text(req, "principalType", reqAt)
                .map(p -> PrincipalType.fromWireName(p)
                        .orElseThrow(() -> new CaseFileException(
                                reqAt + ": \"principalType\" must be RootAccount, RamUser or AssumedRole, got \"" + p
                                        + "\"")))
                .orElse(PrincipalType.RAM_USER);
        RequestContext context = context(req.get("context"), reqAt);
        Optional<Decision> expect = text(node, "expect", at)
                .map(e -> Decision.fromWireName(e)
                        .orElseThrow(() -> new CaseFileException(
                                at + ": \"expect\" must be Allow, ImplicitDeny or ExplicitDeny, got \"" + e + "\"")));
        return new SimulationCase(
                name,
                policies,
                new AuthorizationRequest(principal, action, resources, context),
                expect,
                text(node, "basis", at),
                text(node, "note", at));
    }

    private static List<String> resources(JsonNode node, String at) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new CaseFileException(at + ": \"resources\" must be a non-empty list of ARNs (or [\"*\"])");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode r : node) {
            if (!r.isTextual() || r.asText().isEmpty()) {
                throw new CaseFileException(at + ": \"resources\" must hold non-empty strings, got " + r);
            }
            out.add(r.asText());
        }
        return out;
    }

    private static RequestContext context(JsonNode node, String at) {
        if (node == null) {
            return RequestContext.EMPTY;
        }
        if (!node.isObject()) {
            throw new CaseFileException(at + ": \"context\" must be an object of condition keys");
        }
        RequestContext.Builder b = RequestContext.builder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            String keyAt = at + ": context." + e.getKey();
            if (e.getKey().isEmpty()) {
                throw new CaseFileException(at + ": \"context\" has an empty key");
            }
            if (v.isArray()) {
                for (JsonNode item : v) {
                    b.add(e.getKey(), scalar(item, keyAt));
                }
            } else {
                b.add(e.getKey(), scalar(v, keyAt));
            }
        }
        return b.build();
    }

    /** Numbers and booleans become their JSON text: {@code 2.5} → "2.5", {@code true} → "true". */
    private static String scalar(JsonNode v, String at) {
        if (!v.isValueNode() || v.isNull()) {
            throw new CaseFileException(at + " must be a string, number, boolean or a list of them, got " + v);
        }
        return v.asText();
    }

    private static Optional<String> text(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new CaseFileException(at + ": \"" + field + "\" must be a non-empty string");
        }
        return Optional.of(v.asText());
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String at) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!allowed.contains(e.getKey())) {
                throw new CaseFileException(at + ": unknown field \"" + e.getKey() + "\" (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
