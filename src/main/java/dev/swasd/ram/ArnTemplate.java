package dev.swasd.ram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swasd.catalog.OperationDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ARN template as RAM documents it, e.g.
 * {@code acs:swas-open:{#regionId}:{#accountId}:customimage/{#ImageIds}}, compiled against the
 * operation whose parameters fill it. Placeholders {@code {#regionId}} and {@code {#accountId}}
 * come from the request's region and the caller's account; any other {@code {#Name}} is the
 * request parameter {@code Name}, or {@code Names} when the operation only has the plural list
 * (the published tables write {@code {#InstanceId}} for StartInstances' {@code InstanceIds}).
 */
public final class ArnTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{#([A-Za-z]+)}");

    private sealed interface Part permits Literal, Region, Account, Param {}

    private record Literal(String text) implements Part {}

    private record Region() implements Part {}

    private record Account() implements Part {}

    private record Param(String name) implements Part {}

    private final String template;
    private final List<Part> parts;

    private ArnTemplate(String template, List<Part> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
    }

    /** @throws IllegalArgumentException when a placeholder names no parameter of {@code operation} */
    static ArnTemplate compile(String template, OperationDef operation) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new Literal(template.substring(last, m.start())));
            }
            String name = m.group(1);
            parts.add(
                    switch (name) {
                        case "regionId" -> new Region();
                        case "accountId" -> new Account();
                        default -> new Param(parameterFor(name, operation, template));
                    });
            last = m.end();
        }
        if (last < template.length()) {
            parts.add(new Literal(template.substring(last)));
        }
        if (template.replaceAll(PLACEHOLDER.pattern(), "").matches(".*[{}].*")) {
            throw new IllegalArgumentException(operation.action() + ": malformed ARN template " + template);
        }
        return new ArnTemplate(template, parts);
    }

    private static String parameterFor(String placeholder, OperationDef operation, String template) {
        if (operation.param(placeholder) != null) {
            return placeholder;
        }
        if (operation.param(placeholder + "s") != null) {
            return placeholder + "s";
        }
        throw new IllegalArgumentException(operation.action() + ": ARN template " + template + " names {#" + placeholder
                + "}, but the action has no parameter " + placeholder + " or " + placeholder + "s");
    }

    public String template() {
        return template;
    }

    /** True when the template names request parameters (one ARN per id); false for {@code snapshot/*}-like ones. */
    boolean namesParameters() {
        return parts.stream().anyMatch(p -> p instanceof Param);
    }

    /**
     * One ARN per combination of parameter values (in practice: one per id of the single list
     * parameter). Empty when a named parameter is absent or has no value.
     */
    List<String> expand(String region, String accountId, Map<String, ?> params) {
        List<String> out = List.of("");
        for (Part part : parts) {
            List<String> choices = switch (part) {
                case Literal l -> List.of(l.text());
                case Region r -> List.of(region);
                case Account a -> List.of(accountId);
                case Param p -> values(params.get(p.name()));
            };
            List<String> next = new ArrayList<>(out.size() * choices.size());
            for (String prefix : out) {
                for (String choice : choices) {
                    next.add(prefix + choice);
                }
            }
            out = next;
        }
        return out;
    }

    /** The template with {@code *} in place of every request parameter: {@code …:firewallrule/*}. */
    String wildcard(String region, String accountId) {
        StringBuilder b = new StringBuilder();
        for (Part part : parts) {
            b.append(
                    switch (part) {
                        case Literal l -> l.text();
                        case Region r -> region;
                        case Account a -> accountId;
                        case Param p -> "*";
                    });
        }
        return b.toString();
    }

    /**
     * A validated parameter's values as text: a String, a List (of String or Long), a JSON array
     * (JSON-encoded parameters), or a single number/boolean. Empty strings count as absent.
     */
    private static List<String> values(Object value) {
        List<String> out = new ArrayList<>();
        switch (value) {
            case null -> {}
            case Collection<?> items -> items.forEach(i -> out.add(String.valueOf(i)));
            case JsonNode node when node.isArray() -> node.forEach(i -> out.add(i.asText()));
            case JsonNode node when node.isValueNode() -> out.add(node.asText());
            case JsonNode node -> throw new IllegalArgumentException("an object cannot fill an ARN: " + node);
            case Map<?, ?> map -> throw new IllegalArgumentException("an object cannot fill an ARN: " + map);
            default -> out.add(String.valueOf(value));
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    @Override
    public String toString() {
        return template;
    }
}
