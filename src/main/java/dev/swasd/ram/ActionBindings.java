package dev.swasd.ram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.OperationDef;
import dev.swasd.catalog.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The RAM binding of every action of a product, read from a data file generated from the
 * specification ({@code /catalog/swas-open-ram.json}, see scripts/ram-bindings-from-spec.py) and
 * checked against the product's catalog when loaded: every catalog action has exactly one binding
 * and every ARN placeholder names one of its parameters.
 */
public final class ActionBindings {
    public static final String SWAS_OPEN_RESOURCE = "/catalog/swas-open-ram.json";

    private static volatile ActionBindings swasOpen;

    private final String productCode;
    private final Map<String, ActionBinding> byApiName;

    private ActionBindings(String productCode, Map<String, ActionBinding> byApiName) {
        this.productCode = productCode;
        this.byApiName = byApiName;
    }

    /** The bindings of swas-open 2020-06-01, loaded once. */
    public static ActionBindings swasOpen() {
        ActionBindings loaded = swasOpen;
        if (loaded == null) {
            synchronized (ActionBindings.class) {
                loaded = swasOpen;
                if (loaded == null) {
                    loaded = load(Catalog.standard().product("swas-open"), SWAS_OPEN_RESOURCE);
                    swasOpen = loaded;
                }
            }
        }
        return loaded;
    }

    /** @throws IllegalStateException when the file and the catalog disagree */
    public static ActionBindings load(Product product, String resource) {
        try (InputStream in = ActionBindings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("RAM bindings resource missing: " + resource);
            }
            return parse(product, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ActionBindings parse(Product product, JsonNode root) {
        Map<String, ActionBinding> bindings = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode row : root.path("actions")) {
            String api = row.path("action").asText();
            OperationDef op = product.operation(api);
            if (op == null) {
                problems.add(api + " is not an action of " + product.code() + " " + product.version());
                continue;
            }
            try {
                if (bindings.put(api, binding(row, op)) != null) {
                    problems.add(api + " is bound twice");
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        for (String api : product.operations().keySet()) {
            if (!bindings.containsKey(api)) {
                problems.add(api + " has no RAM binding");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("RAM bindings of " + product.code() + ": " + String.join("; ", problems));
        }
        return new ActionBindings(product.code(), Collections.unmodifiableMap(bindings));
    }

    private static ActionBinding binding(JsonNode row, OperationDef op) {
        String api = op.action();
        AuthorizationScope scope =
                AuthorizationScope.fromWireName(row.path("authorization").asText());
        List<ArnTemplate> templates = new ArrayList<>();
        for (JsonNode t : row.path("arnTemplates")) {
            templates.add(ArnTemplate.compile(t.asText(), op));
        }
        List<String> written = templates.stream().map(ArnTemplate::template).toList();
        boolean consistent = switch (scope) {
            case NONE -> written.isEmpty();
            case ALL_RESOURCES -> written.equals(List.of("*"));
            case RESOURCE_LEVEL -> !written.isEmpty() && written.stream().allMatch(w -> w.startsWith("acs:"));
        };
        if (!consistent) {
            throw new IllegalArgumentException(
                    api + ": authorization " + scope.wireName() + " does not fit templates " + written);
        }
        String ramAction = row.path("ramAction").asText();
        if (!ramAction.equals(op.product() + ":" + api)) {
            throw new IllegalArgumentException(
                    api + ": ramAction " + ramAction + " should be " + op.product() + ":" + api);
        }
        String level = row.path("accessLevel").asText("");
        if (level.isEmpty()) {
            throw new IllegalArgumentException(api + " has no access level");
        }
        Optional<String> type = row.path("resourceType").isTextual()
                ? Optional.of(row.path("resourceType").asText())
                : Optional.empty();
        return new ActionBinding(
                api,
                ramAction,
                AccessLevel.fromWireName(level),
                scope,
                type,
                templates,
                row.path("basis").asText().equals("documented"));
    }

    public String productCode() {
        return productCode;
    }

    public Optional<ActionBinding> binding(String apiName) {
        return Optional.ofNullable(byApiName.get(apiName));
    }

    /** @throws IllegalArgumentException for an action the product does not have */
    public ActionBinding require(String apiName) {
        ActionBinding b = byApiName.get(apiName);
        if (b == null) {
            throw new IllegalArgumentException("no RAM binding for " + productCode + " action " + apiName);
        }
        return b;
    }

    /** Shortcut for {@code require(apiName).resourceArns(region, accountId, params)}. */
    public List<String> resourceArns(String apiName, String region, String accountId, Map<String, ?> params) {
        return require(apiName).resourceArns(region, accountId, params);
    }

    /** Every binding, by API name. */
    public Collection<ActionBinding> all() {
        return byApiName.values();
    }
}
