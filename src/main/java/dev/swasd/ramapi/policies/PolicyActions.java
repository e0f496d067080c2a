package dev.swasd.ramapi.policies;

import dev.swasd.api.Call;
import dev.swasd.api.ram.RamApi;
import dev.swasd.api.ram.RamRequests.CreatePolicyRequest;
import dev.swasd.api.ram.RamRequests.CreatePolicyVersionRequest;
import dev.swasd.api.ram.RamRequests.DeletePolicyRequest;
import dev.swasd.api.ram.RamRequests.DeletePolicyVersionRequest;
import dev.swasd.api.ram.RamRequests.GetPolicyRequest;
import dev.swasd.api.ram.RamRequests.GetPolicyVersionRequest;
import dev.swasd.api.ram.RamRequests.ListPoliciesRequest;
import dev.swasd.api.ram.RamRequests.ListPolicyVersionsRequest;
import dev.swasd.api.ram.RamRequests.SetDefaultPolicyVersionRequest;
import dev.swasd.api.ram.RamResponses.CreatePolicyResponse;
import dev.swasd.api.ram.RamResponses.CreatePolicyVersionResponse;
import dev.swasd.api.ram.RamResponses.DeletePolicyResponse;
import dev.swasd.api.ram.RamResponses.DeletePolicyVersionResponse;
import dev.swasd.api.ram.RamResponses.GetPolicyResponse;
import dev.swasd.api.ram.RamResponses.GetPolicyVersionResponse;
import dev.swasd.api.ram.RamResponses.ListPoliciesResponse;
import dev.swasd.api.ram.RamResponses.ListPoliciesResponse.Policies.Policy.Tags;
import dev.swasd.api.ram.RamResponses.ListPolicyVersionsResponse;
import dev.swasd.api.ram.RamResponses.SetDefaultPolicyVersionResponse;
import dev.swasd.ramapi.Page;
import dev.swasd.ramapi.PolicyView;
import dev.swasd.ramapi.RamParameterRules;
import dev.swasd.ramapi.RamPolicies;
import dev.swasd.ramapi.RamShapes;
import dev.swasd.ramapi.VersionView;

/**
 * Policies and their versions: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy,
 * CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, SetDefaultPolicyVersion,
 * DeletePolicyVersion.
 */
public final class PolicyActions implements RamApi {
    /** The CreatePolicyVersion {@code RotateStrategy} that drops the oldest version at the limit. */
    private static final String ROTATE = "DeleteOldestNonDefaultVersionWhenLimitExceeded";

    private final RamPolicies policies;

    public PolicyActions(RamPolicies policies) {
        this.policies = policies;
    }

    @Override
    public CreatePolicyResponse createPolicy(Call call, CreatePolicyRequest r) {
        PolicyView v = policies.create(
                call.tx(),
                call.accountId(),
                call.now(),
                r.policyName(),
                r.policyDocument(),
                r.description(),
                RamParameterRules.policyTags(r.tag()));
        return new CreatePolicyResponse(CreatePolicyResponse.Policy.builder()
                .policyName(v.name())
                .policyType(v.type())
                .description(v.description())
                .defaultVersion(v.defaultVersion())
                .createDate(RamShapes.time(v.createdAt()))
                .build());
    }

    @Override
    public GetPolicyResponse getPolicy(Call call, GetPolicyRequest r) {
        RamPolicies.PolicyDetail d = policies.get(call.tx(), call.accountId(), r.policyName(), r.policyType());
        PolicyView v = d.policy();
        VersionView dv = d.defaultVersion();
        return new GetPolicyResponse(
                new GetPolicyResponse.DefaultPolicyVersion(
                        RamShapes.time(dv.createdAt()), dv.isDefault(), dv.document(), dv.versionId()),
                GetPolicyResponse.Policy.builder()
                        .policyName(v.name())
                        .policyType(v.type())
                        .description(v.description())
                        .defaultVersion(v.defaultVersion())
                        .createDate(RamShapes.time(v.createdAt()))
                        .attachmentCount(v.attachmentCount())
                        .updateDate(RamShapes.time(v.updatedAt()))
                        .build());
    }

    @Override
    public ListPoliciesResponse listPolicies(Call call, ListPoliciesRequest r) {
        Page<PolicyView> page = policies.list(
                call.tx(),
                call.accountId(),
                r.policyType(),
                RamParameterRules.policyTags(r.tag()),
                r.marker(),
                Page.maxItems(r.maxItems()));
        return new ListPoliciesResponse(
                page.truncated(),
                page.marker(),
                new ListPoliciesResponse.Policies(
                        page.items().stream().map(PolicyActions::listed).toList()));
    }

    @Override
    public DeletePolicyResponse deletePolicy(Call call, DeletePolicyRequest r) {
        policies.delete(call.tx(), call.accountId(), r.policyName(), Boolean.TRUE.equals(r.cascadingDelete()));
        return new DeletePolicyResponse();
    }

    @Override
    public CreatePolicyVersionResponse createPolicyVersion(Call call, CreatePolicyVersionRequest r) {
        VersionView v = policies.createVersion(
                call.tx(),
                call.accountId(),
                call.now(),
                r.policyName(),
                r.policyDocument(),
                Boolean.TRUE.equals(r.setAsDefault()),
                ROTATE.equals(r.rotateStrategy()));
        return new CreatePolicyVersionResponse(new CreatePolicyVersionResponse.PolicyVersion(
                RamShapes.time(v.createdAt()), v.isDefault(), v.document(), v.versionId()));
    }

    @Override
    public GetPolicyVersionResponse getPolicyVersion(Call call, GetPolicyVersionRequest r) {
        VersionView v = policies.getVersion(call.tx(), call.accountId(), r.policyName(), r.policyType(), r.versionId());
        return new GetPolicyVersionResponse(new GetPolicyVersionResponse.PolicyVersion(
                RamShapes.time(v.createdAt()), v.isDefault(), v.document(), v.versionId()));
    }

    @Override
    public ListPolicyVersionsResponse listPolicyVersions(Call call, ListPolicyVersionsRequest r) {
        return new ListPolicyVersionsResponse(new ListPolicyVersionsResponse.PolicyVersions(
                policies.listVersions(call.tx(), call.accountId(), r.policyName(), r.policyType()).stream()
                        .map(v -> new ListPolicyVersionsResponse.PolicyVersions.PolicyVersion(
                                RamShapes.time(v.createdAt()), v.isDefault(), v.document(), v.versionId()))
                        .toList()));
    }

    @Override
    public SetDefaultPolicyVersionResponse setDefaultPolicyVersion(Call call, SetDefaultPolicyVersionRequest r) {
        policies.setDefault(call.tx(), call.accountId(), call.now(), r.policyName(), r.versionId());
        return new SetDefaultPolicyVersionResponse();
    }

    @Override
    public DeletePolicyVersionResponse deletePolicyVersion(Call call, DeletePolicyVersionRequest r) {
        policies.deleteVersion(call.tx(), call.accountId(), r.policyName(), r.versionId());
        return new DeletePolicyVersionResponse();
    }

    private static ListPoliciesResponse.Policies.Policy listed(PolicyView v) {
        return ListPoliciesResponse.Policies.Policy.builder()
                .policyName(v.name())
                .policyType(v.type())
                .description(v.description())
                .defaultVersion(v.defaultVersion())
                .createDate(RamShapes.time(v.createdAt()))
                .attachmentCount(v.attachmentCount())
                .updateDate(RamShapes.time(v.updatedAt()))
                .tags(new Tags(v.tags().stream()
                        .map(t -> new Tags.Tag(t.key(), t.value()))
                        .toList()))
                .build();
    }
}
