package dev.swasd.ramapi.attachments;

import dev.swasd.api.Call;
import dev.swasd.api.ram.RamApi;
import dev.swasd.api.ram.RamRequests.AttachPolicyToGroupRequest;
import dev.swasd.api.ram.RamRequests.AttachPolicyToUserRequest;
import dev.swasd.api.ram.RamRequests.DetachPolicyFromGroupRequest;
import dev.swasd.api.ram.RamRequests.DetachPolicyFromUserRequest;
import dev.swasd.api.ram.RamRequests.ListEntitiesForPolicyRequest;
import dev.swasd.api.ram.RamRequests.ListPoliciesForGroupRequest;
import dev.swasd.api.ram.RamRequests.ListPoliciesForUserRequest;
import dev.swasd.api.ram.RamResponses.AttachPolicyToGroupResponse;
import dev.swasd.api.ram.RamResponses.AttachPolicyToUserResponse;
import dev.swasd.api.ram.RamResponses.DetachPolicyFromGroupResponse;
import dev.swasd.api.ram.RamResponses.DetachPolicyFromUserResponse;
import dev.swasd.api.ram.RamResponses.ListEntitiesForPolicyResponse;
import dev.swasd.api.ram.RamResponses.ListPoliciesForGroupResponse;
import dev.swasd.api.ram.RamResponses.ListPoliciesForUserResponse;
import dev.swasd.ramapi.PolicyView;
import dev.swasd.ramapi.RamAttachments;
import dev.swasd.ramapi.RamShapes;
import java.util.List;

/**
 * Policies attached to users and groups: AttachPolicyToUser, DetachPolicyFromUser,
 * AttachPolicyToGroup, DetachPolicyFromGroup, ListPoliciesForUser, ListPoliciesForGroup,
 * ListEntitiesForPolicy.
 */
public final class AttachmentActions implements RamApi {
    private final RamAttachments attachments;

    public AttachmentActions(RamAttachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public AttachPolicyToUserResponse attachPolicyToUser(Call call, AttachPolicyToUserRequest r) {
        attachments.attachToUser(call.tx(), call.accountId(), call.now(), r.userName(), r.policyType(), r.policyName());
        return new AttachPolicyToUserResponse();
    }

    @Override
    public DetachPolicyFromUserResponse detachPolicyFromUser(Call call, DetachPolicyFromUserRequest r) {
        attachments.detachFromUser(call.tx(), call.accountId(), r.userName(), r.policyType(), r.policyName());
        return new DetachPolicyFromUserResponse();
    }

    @Override
    public AttachPolicyToGroupResponse attachPolicyToGroup(Call call, AttachPolicyToGroupRequest r) {
        attachments.attachToGroup(
                call.tx(), call.accountId(), call.now(), r.groupName(), r.policyType(), r.policyName());
        return new AttachPolicyToGroupResponse();
    }

    @Override
    public DetachPolicyFromGroupResponse detachPolicyFromGroup(Call call, DetachPolicyFromGroupRequest r) {
        attachments.detachFromGroup(call.tx(), call.accountId(), r.groupName(), r.policyType(), r.policyName());
        return new DetachPolicyFromGroupResponse();
    }

    @Override
    public ListPoliciesForUserResponse listPoliciesForUser(Call call, ListPoliciesForUserRequest r) {
        List<RamAttachments.AttachedPolicy> attached =
                attachments.policiesForUser(call.tx(), call.accountId(), r.userName());
        return new ListPoliciesForUserResponse(new ListPoliciesForUserResponse.Policies(attached.stream()
                .map(ap -> {
                    PolicyView v = ap.policy();
                    return new ListPoliciesForUserResponse.Policies.Policy(
                            RamShapes.time(ap.attachedAt()), v.defaultVersion(), v.description(), v.name(), v.type());
                })
                .toList()));
    }

    @Override
    public ListPoliciesForGroupResponse listPoliciesForGroup(Call call, ListPoliciesForGroupRequest r) {
        List<RamAttachments.AttachedPolicy> attached =
                attachments.policiesForGroup(call.tx(), call.accountId(), r.groupName());
        return new ListPoliciesForGroupResponse(new ListPoliciesForGroupResponse.Policies(attached.stream()
                .map(ap -> {
                    PolicyView v = ap.policy();
                    return new ListPoliciesForGroupResponse.Policies.Policy(
                            RamShapes.time(ap.attachedAt()), v.defaultVersion(), v.description(), v.name(), v.type());
                })
                .toList()));
    }

    @Override
    public ListEntitiesForPolicyResponse listEntitiesForPolicy(Call call, ListEntitiesForPolicyRequest r) {
        RamAttachments.Entities e =
                attachments.entitiesForPolicy(call.tx(), call.accountId(), r.policyType(), r.policyName());
        var groups = new ListEntitiesForPolicyResponse.Groups(e.groups().stream()
                .map(g -> new ListEntitiesForPolicyResponse.Groups.Group(
                        RamShapes.time(g.attachedAt()),
                        g.group().comments(),
                        g.group().groupName()))
                .toList());
        // swasd has no RAM roles: always an empty list
        var roles = new ListEntitiesForPolicyResponse.Roles(List.of());
        var users = new ListEntitiesForPolicyResponse.Users(e.users().stream()
                .map(u -> new ListEntitiesForPolicyResponse.Users.User(
                        RamShapes.time(u.attachedAt()),
                        u.user().displayName(),
                        u.user().userId(),
                        u.user().userName()))
                .toList());
        return new ListEntitiesForPolicyResponse(groups, roles, users);
    }
}
