package dev.swasd.catalog;

import java.util.List;
import java.util.Map;

/**
 * One action of one product version: its parameters and its RAM binding.
 *
 * @param httpMethod the method the official SDK uses; the server accepts GET and POST for every action
 */
public record OperationDef(
        String product,
        String version,
        String action,
        String httpMethod,
        List<ParamDef> params,
        Map<String, ParamDef> paramsByName) {

    public OperationDef(String product, String version, String action, String httpMethod, List<ParamDef> params) {
        this(product, version, action, httpMethod, List.copyOf(params), index(params));
    }

    private static Map<String, ParamDef> index(List<ParamDef> params) {
        var map = new java.util.LinkedHashMap<String, ParamDef>();
        params.forEach(p -> map.put(p.name(), p));
        return java.util.Collections.unmodifiableMap(map);
    }

    public ParamDef param(String name) {
        return paramsByName.get(name);
    }
}
