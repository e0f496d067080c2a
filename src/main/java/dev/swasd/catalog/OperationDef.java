package dev.swasd.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One action of one product version: its parameters and its access level.
 *
 * @param httpMethod  the method the official SDK uses; the server accepts GET and POST for every action
 * @param accessLevel RAM's access level of the action as the specification gives it (create, list,
 *                    get, update or delete)
 */
public record OperationDef(
        String product,
        String version,
        String action,
        String httpMethod,
        String accessLevel,
        List<ParamDef> params,
        Map<String, ParamDef> paramsByName) {
    private static final Set<String> READ_LEVELS = Set.of("get", "list");

    public OperationDef(
            String product,
            String version,
            String action,
            String httpMethod,
            String accessLevel,
            List<ParamDef> params) {
        this(product, version, action, httpMethod, accessLevel, List.copyOf(params), index(params));
    }

    private static Map<String, ParamDef> index(List<ParamDef> params) {
        var map = new LinkedHashMap<String, ParamDef>();
        params.forEach(p -> map.put(p.name(), p));
        return Collections.unmodifiableMap(map);
    }

    /** Whether the action only reads: it then runs without a write transaction or a ClientToken record. */
    public boolean readOnly() {
        return READ_LEVELS.contains(accessLevel);
    }

    public ParamDef param(String name) {
        return paramsByName.get(name);
    }
}
