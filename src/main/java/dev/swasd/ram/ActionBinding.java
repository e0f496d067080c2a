package dev.swasd.ram;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one API action is authorized: its RAM action name, access level, and the ARN templates its
 * request parameters fill.
 *
 * @param apiName      e.g. {@code DeleteCustomImages}
 * @param ramAction    e.g. {@code swas-open:DeleteCustomImages}: what policies' Action patterns match
 * @param resourceType RAM's resource type (CustomImage, Instance, …); empty for actions without one
 * @param documented   true when the ARN row was read on an Alibaba page, false when inferred
 */
public record ActionBinding(
        String apiName,
        String ramAction,
        AccessLevel accessLevel,
        AuthorizationScope scope,
        Optional<String> resourceType,
        List<ArnTemplate> arnTemplates,
        boolean documented) {

    public ActionBinding {
        arnTemplates = List.copyOf(arnTemplates);
    }

    /** False only for actions the server lets every authenticated caller run (ListRegions). */
    public boolean requiresAuthorization() {
        return scope != AuthorizationScope.NONE;
    }

    /**
     * The resources a request is authorized on, in the order the ids were given, without duplicates:
     * <ul>
     * <li>{@link AuthorizationScope#NONE}: an empty list — do not evaluate;</li>
     * <li>{@link AuthorizationScope#ALL_RESOURCES}: {@code ["*"]};</li>
     * <li>otherwise one ARN per id of each template that names a parameter (DeleteCustomImages with
     * ImageIds [a, b] gives …:customimage/a and …:customimage/b); when no id was given, the
     * templates without parameters ({@code instance/*} for ListInstances without InstanceIds), or,
     * for actions that have none, the templates with {@code *} for the id (an optional list left
     * out, e.g. ListInstanceStatus without InstanceIds gives {@code acs:swas-open:r:a:*}).</li>
     * </ul>
     *
     * @param params the request's validated parameters; lists as {@code List<String>} (or
     *               {@code List<Long>}, or a Jackson array for JSON-encoded parameters)
     */
    public List<String> resourceArns(String region, String accountId, Map<String, ?> params) {
        return switch (scope) {
            case NONE -> List.of();
            case ALL_RESOURCES -> List.of("*");
            case RESOURCE_LEVEL -> resourceLevelArns(region, accountId, params);
        };
    }

    private List<String> resourceLevelArns(String region, String accountId, Map<String, ?> params) {
        Set<String> arns = new LinkedHashSet<>();
        List<ArnTemplate> withoutParameters = new ArrayList<>();
        for (ArnTemplate t : arnTemplates) {
            if (t.namesParameters()) {
                arns.addAll(t.expand(region, accountId, params));
            } else {
                withoutParameters.add(t);
            }
        }
        if (arns.isEmpty()) {
            for (ArnTemplate t : withoutParameters.isEmpty() ? arnTemplates : withoutParameters) {
                arns.add(t.wildcard(region, accountId));
            }
        }
        return List.copyOf(arns);
    }
}
