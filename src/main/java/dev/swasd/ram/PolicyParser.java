package dev.swasd.ram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.swasd.ram.ConditionClause.SetQualifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a policy document against the grammar of ram.md section 2 and compiles it. Every
 * refusal is a {@link MalformedPolicyException} whose message names the element by its path.
 *
 * <p>Rules beyond the documentation (ram.md marks them inferred): element names are
 * case-sensitive; {@code Statement} must be a list, never a bare object; {@code Sid} is accepted
 * (and ignored) in statements, any other unknown element is refused; {@code NotResource} and
 * {@code Principal} are refused; unknown condition operators and condition values that cannot be
 * read as the operator's type are refused up front.
 */
public final class PolicyParser {
    /** Longest document accepted, in characters (Resource Management CreatePolicy; ram.md section 2). */
    public static final int MAX_DOCUMENT_CHARS = 6144;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Statement");
    private static final List<String> STATEMENT_ELEMENTS =
            List.of("Effect", "Action", "NotAction", "Resource", "Condition", "Sid");

    private PolicyParser() {}

    public static PolicyDocument parse(String json) {
        if (json == null) {
            throw new MalformedPolicyException(MalformedPolicyException.LENGTH, "the policy document is missing");
        }
        int chars = json.codePointCount(0, json.length());
        if (chars < 1 || chars > MAX_DOCUMENT_CHARS) {
            throw new MalformedPolicyException(
                    MalformedPolicyException.LENGTH,
                    "the policy document must be 1-" + MAX_DOCUMENT_CHARS + " characters long, got " + chars);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw MalformedPolicyException.malformed("the policy document is not valid JSON: " + jsonProblem(e));
        }
        return compile(root);
    }

    /** One-line description of a JSON syntax error, with its position. */
    static String jsonProblem(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        what = what.replaceAll("\\s+", " ").trim();
        var at = e.getLocation();
        return at == null ? what : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static PolicyDocument compile(JsonNode root) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw fail("the policy document must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> element : root.properties()) {
            String name = element.getKey();
            if (!DOCUMENT_ELEMENTS.contains(name)) {
                throw fail("\"" + name + "\" is not a policy element (allowed: Version, Statement)");
            }
        }
        JsonNode version = root.get("Version");
        if (version == null) {
            throw fail("Version is required (\"Version\": \"1\")");
        }
        if (!version.isTextual() || !version.asText().equals("1")) {
            throw fail("Version must be the string \"1\", got " + version);
        }
        JsonNode statements = root.get("Statement");
        if (statements == null) {
            throw fail("Statement is required");
        }
        if (statements.isObject()) {
            throw fail("Statement must be a list of statements ([{...}]), not a single object");
        }
        if (!statements.isArray()) {
            throw fail("Statement must be a list of statements, got " + kind(statements));
        }
        if (statements.isEmpty()) {
            throw fail("Statement must contain at least one statement");
        }
        List<Statement> compiled = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            compiled.add(statement(i, statements.get(i)));
        }
        return new PolicyDocument(compiled);
    }

    private static Statement statement(int index, JsonNode node) {
        String at = "Statement[" + index + "]";
        if (!node.isObject()) {
            throw fail(at + " must be an object, got " + kind(node));
        }
        for (Map.Entry<String, JsonNode> element : node.properties()) {
            String name = element.getKey();
            switch (name) {
                case "NotResource" -> throw fail(at + ".NotResource is not supported; list the resources in Resource");
                case "Principal" -> throw fail(at + ".Principal is only allowed in a role's trust policy");
                default -> {
                    if (!STATEMENT_ELEMENTS.contains(name)) {
                        throw fail(at + ": \"" + name + "\" is not a statement element (allowed: "
                                + String.join(", ", STATEMENT_ELEMENTS) + ")");
                    }
                }
            }
        }
        String sid = null;
        if (node.has("Sid")) {
            if (!node.get("Sid").isTextual()) {
                throw fail(at + ".Sid must be a string");
            }
            sid = node.get("Sid").asText();
        }
        JsonNode effectNode = node.get("Effect");
        if (effectNode == null) {
            throw fail(at + ".Effect is required (\"Allow\" or \"Deny\")");
        }
        Effect effect = switch (effectNode.isTextual() ? effectNode.asText() : "") {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default -> throw fail(at + ".Effect must be \"Allow\" or \"Deny\", got " + effectNode);
        };
        boolean hasAction = node.has("Action");
        boolean hasNotAction = node.has("NotAction");
        if (hasAction && hasNotAction) {
            throw fail(at + " must have either Action or NotAction, not both");
        }
        if (!hasAction && !hasNotAction) {
            throw fail(at + " must have Action or NotAction");
        }
        String actionElement = hasAction ? "Action" : "NotAction";
        List<Glob> actions = new ArrayList<>();
        List<String> actionValues = strings(node.get(actionElement), at + "." + actionElement);
        for (int i = 0; i < actionValues.size(); i++) {
            String value = actionValues.get(i);
            if (value.indexOf(':') < 0 && value.indexOf('*') < 0 && value.indexOf('?') < 0) {
                throw fail(at + "." + actionElement + elementIndex(node.get(actionElement), i) + " \"" + value
                        + "\" must have the form <service>:<action>, e.g. swas-open:DeleteCustomImages");
            }
            actions.add(Glob.ignoringCase(value));
        }
        if (!node.has("Resource")) {
            throw fail(at + ".Resource is required (\"*\" for every resource)");
        }
        List<Glob> resources = strings(node.get("Resource"), at + ".Resource").stream()
                .map(Glob::caseSensitive)
                .toList();
        List<ConditionClause> conditions =
                node.has("Condition") ? conditions(node.get("Condition"), at + ".Condition") : List.of();
        return new Statement(index, sid, effect, hasNotAction, actions, resources, conditions);
    }

    /** A string or a non-empty list of non-empty strings. */
    private static List<String> strings(JsonNode node, String at) {
        if (node.isTextual()) {
            if (node.asText().isEmpty()) {
                throw fail(at + " must not be empty");
            }
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw fail(at + " must be a string or a list of strings, got " + kind(node));
        }
        if (node.isEmpty()) {
            throw fail(at + " must not be an empty list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw fail(at + "[" + i + "] must be a string, got " + kind(item));
            }
            if (item.asText().isEmpty()) {
                throw fail(at + "[" + i + "] must not be empty");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static String elementIndex(JsonNode element, int i) {
        return element.isArray() ? "[" + i + "]" : "";
    }

    private static List<ConditionClause> conditions(JsonNode block, String at) {
        if (!block.isObject()) {
            throw fail(at + " must be an object of operators, got " + kind(block));
        }
        List<ConditionClause> clauses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : block.properties()) {
            String opAt = at + "." + op.getKey();
            ParsedOperator parsed = operator(op.getKey(), opAt);
            JsonNode keys = op.getValue();
            if (!keys.isObject()) {
                throw fail(opAt + " must be an object of condition keys, got " + kind(keys));
            }
            if (keys.isEmpty()) {
                throw fail(opAt + " must name at least one condition key");
            }
            for (Map.Entry<String, JsonNode> key : keys.properties()) {
                String keyAt = opAt + "." + key.getKey();
                if (key.getKey().isEmpty()) {
                    throw fail(opAt + " has an empty condition key");
                }
                clauses.add(new ConditionClause(
                        op.getKey(),
                        parsed.base(),
                        parsed.qualifier(),
                        parsed.ifExists(),
                        key.getKey(),
                        values(parsed.base(), key.getValue(), keyAt)));
            }
        }
        return clauses;
    }

    private record ParsedOperator(ConditionOperator base, SetQualifier qualifier, boolean ifExists) {}

    private static ParsedOperator operator(String written, String at) {
        String rest = written;
        SetQualifier qualifier = SetQualifier.NONE;
        if (rest.startsWith("ForAnyValue:")) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        } else if (rest.startsWith("ForAllValues:")) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        }
        boolean ifExists = rest.endsWith("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        Optional<ConditionOperator> base = ConditionOperator.byWireName(rest);
        if (base.isPresent()) {
            return new ParsedOperator(base.get(), qualifier, ifExists);
        }
        String hint = "";
        for (ConditionOperator o : ConditionOperator.values()) {
            if (o.wireName().equalsIgnoreCase(rest)) {
                hint = " (operator names are case-sensitive: " + o.wireName() + ")";
            }
        }
        throw fail(at + ": \"" + written + "\" is not a condition operator" + hint);
    }

    private static List<ValueMatcher> values(ConditionOperator op, JsonNode node, String at) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw fail(at + " must list at least one value");
            }
            List<ValueMatcher> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                out.add(value(op, node.get(i), at + "[" + i + "]"));
            }
            return out;
        }
        return List.of(value(op, node, at));
    }

    private static ValueMatcher value(ConditionOperator op, JsonNode node, String at) {
        if (!node.isValueNode() || node.isNull()) {
            throw fail(at + " must be a string, number or boolean, got " + kind(node));
        }
        String text = node.asText();
        return switch (op.family()) {
            case TEXT -> new ValueMatcher.Text(text, false);
            case TEXT_IGNORE_CASE -> new ValueMatcher.Text(text, true);
            case LIKE -> new ValueMatcher.Like(Glob.caseSensitive(text));
            case NUMBER ->
                new ValueMatcher.Number(
                        node.isNumber()
                                ? node.decimalValue()
                                : ConditionValues.number(node.isTextual() ? text : "")
                                        .orElseThrow(() -> fail(at + " must be a number, got " + node)),
                        op.ordering());
            case DATE ->
                new ValueMatcher.Date(
                        ConditionValues.instant(node.isTextual() ? text : "")
                                .orElseThrow(() -> fail(at
                                        + " must be an ISO 8601 time such as 2019-08-12T17:00:00+08:00, got " + node)),
                        op.ordering());
            case BOOL ->
                new ValueMatcher.Bool(ConditionValues.bool(node.isTextual() || node.isBoolean() ? text : "")
                        .orElseThrow(() -> fail(at + " must be true or false, got " + node)));
            case IP ->
                new ValueMatcher.Ip(IpRange.parse(node.isTextual() ? text : "")
                        .orElseThrow(() -> fail(at + " must be an IP address or CIDR block, got " + node)));
        };
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static MalformedPolicyException fail(String message) {
        return MalformedPolicyException.malformed(message);
    }
}
