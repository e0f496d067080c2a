package dev.swasd.ram;

import java.util.List;

/**
 * What the evaluator is asked: may this principal perform {@code action} (e.g.
 * {@code swas-open:DeleteCustomImages}) on every one of {@code resources} (ARNs, or {@code "*"}
 * for actions without resource-level authorization), given the request's condition keys?
 * Build the resources with {@link ActionBindings#resourceArns}.
 */
public record AuthorizationRequest(
        PrincipalType principalType, String action, List<String> resources, RequestContext context) {

    public AuthorizationRequest {
        if (principalType == null || action == null || action.isEmpty()) {
            throw new IllegalArgumentException("an authorization request needs a principal type and an action");
        }
        resources = List.copyOf(resources);
        context = context == null ? RequestContext.EMPTY : context;
    }

    /** A request by a RAM user, the usual case. */
    public static AuthorizationRequest ofRamUser(String action, List<String> resources, RequestContext context) {
        return new AuthorizationRequest(PrincipalType.RAM_USER, action, resources, context);
    }
}
