package dev.swasd.ram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the one ECS action swasd serves is authorized (ram-api.md 3.4): {@code ecs:DescribeImages}
 * on {@code acs:ecs:<region>:<account>:image/<ImageId>} (one ARN per id of a comma list), or
 * {@code image/*} without an id. Listing {@code system} or {@code others} images needs no
 * permission (any authenticated RAM user may), as the SDK notes.
 */
public final class EcsApiBindings {
    public static final String PRODUCT = "ecs";
    public static final String DESCRIBE_IMAGES = "DescribeImages";

    private EcsApiBindings() {}

    /** Empty when the request is not authorized at all. */
    public static Optional<List<String>> resourceArns(
            String api, String region, String accountId, Map<String, ?> params) {
        if (!api.equals(DESCRIBE_IMAGES)) {
            throw new IllegalArgumentException("no RAM binding for ecs action " + api);
        }
        Object alias = params.get("ImageOwnerAlias");
        if ("system".equals(alias) || "others".equals(alias)) {
            return Optional.empty();
        }
        String prefix = "acs:ecs:" + region + ":" + accountId + ":image/";
        List<String> arns = new ArrayList<>();
        Object ids = params.get("ImageId");
        if (ids != null) {
            for (String id : ids.toString().split(",")) {
                if (!id.isBlank() && !arns.contains(prefix + id.trim())) {
                    arns.add(prefix + id.trim());
                }
            }
        }
        if (arns.isEmpty()) {
            arns.add(prefix + "*");
        }
        return Optional.of(arns);
    }

    public static String ramAction(String api) {
        return PRODUCT + ":" + api;
    }
}
