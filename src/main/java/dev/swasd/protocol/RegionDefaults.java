package dev.swasd.protocol;

import dev.swasd.catalog.OperationDef;
import dev.swasd.errors.ApiException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code RegionId} as the gateway settles it before an action sees it. Clients leave it out where
 * the endpoint names the region (the Terraform provider sends ModifyImageShareStatus and ListImages
 * without it): it is then the region of a {@code swas.<region>.aliyuncs.com} Host, else the node's
 * default region. Given both, they must agree, but only where the Host names a region.
 */
public final class RegionDefaults {
    private static final Pattern REGIONAL_HOST =
            Pattern.compile("^(?:swas|swas-open|ecs)\\.([a-z0-9-]+)\\.aliyuncs\\.com(?::\\d+)?$");

    private RegionDefaults() {}

    /** The parameters with {@code RegionId} filled in where the operation takes one and the request left it out. */
    public static Map<String, String> apply(
            OperationDef op, Map<String, String> params, String host, String defaultRegion) {
        if (op.param("RegionId") == null) {
            return params;
        }
        String fromHost = regionOf(host);
        String given = params.get("RegionId");
        if (given == null || given.isEmpty()) {
            Map<String, String> out = new HashMap<>(params);
            out.put("RegionId", fromHost != null ? fromHost : defaultRegion);
            return out;
        }
        if (fromHost != null && !fromHost.equals(given)) {
            throw new ApiException(
                    400, "RegionIdNotMatchHost", "The parameter regionId does not match the endpoint host.");
        }
        return params;
    }

    /** The region a regional endpoint Host names, or null for any other Host. */
    static String regionOf(String host) {
        // most Hosts are an address or a name of the user's own: the pattern runs only for names that
        // can be regional endpoints (swas…, ecs…), not on every request
        if (host == null || host.isEmpty()) {
            return null;
        }
        char first = Character.toLowerCase(host.charAt(0));
        if (first != 's' && first != 'e') {
            return null;
        }
        Matcher m = REGIONAL_HOST.matcher(host.toLowerCase(Locale.ROOT));
        return m.matches() ? m.group(1) : null;
    }
}
