package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.ParameterValidator;
import dev.swasd.protocol.Principal;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.ram.RamApiBindings;
import dev.swasd.ram.RequestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the authorize stage evaluates: the RAM action and resources by product, and the condition keys. */
class AuthorizationTest {
    static final String A = "1234567890123456";
    static final Principal USER = new Principal(A, Principal.Kind.USER, "alice", "LTAIalice");
    static final Catalog CATALOG = Catalog.standard();

    static OperationDef op(String version, String action) {
        return CATALOG.productForVersion(version).orElseThrow().operation(action);
    }

    static ValidatedParams params(OperationDef op, Map<String, String> wire) {
        return ParameterValidator.validate(op, wire);
    }

    static Authorization.Target target(String version, String action, Map<String, String> wire) {
        OperationDef op = op(version, action);
        return Authorization.target(USER, op, params(op, wire));
    }

    @Test
    void swasOpenResourcesComeFromTheBindings() {
        var t = target(
                "2020-06-01", "DeleteCustomImages", Map.of("RegionId", "cn-hangzhou", "ImageIds", "[\"m-a\",\"m-b\"]"));
        assertThat(t.ramAction()).isEqualTo("swas-open:DeleteCustomImages");
        assertThat(t.resources())
                .containsExactly(
                        "acs:swas-open:cn-hangzhou:" + A + ":customimage/m-a",
                        "acs:swas-open:cn-hangzhou:" + A + ":customimage/m-b");
        assertThat(target("2020-06-01", "ListRegions", Map.of()).resources())
                .as("not authorized")
                .isEmpty();
    }

    @Test
    void ecsDescribeImagesIsFreeForSystemAndOthers() {
        assertThat(target(
                                "2014-05-26",
                                "DescribeImages",
                                Map.of("RegionId", "cn-hangzhou", "ImageOwnerAlias", "others"))
                        .resources())
                .isEmpty();
        assertThat(target(
                                "2014-05-26",
                                "DescribeImages",
                                Map.of("RegionId", "cn-hangzhou", "ImageOwnerAlias", "system"))
                        .resources())
                .isEmpty();
        assertThat(target("2014-05-26", "DescribeImages", Map.of("RegionId", "cn-hangzhou"))
                        .resources())
                .containsExactly("acs:ecs:cn-hangzhou:" + A + ":image/*");
        var t = target(
                "2014-05-26",
                "DescribeImages",
                Map.of("RegionId", "cn-hangzhou", "ImageOwnerAlias", "self", "ImageId", "m-1,m-2"));
        assertThat(t.ramAction()).isEqualTo("ecs:DescribeImages");
        assertThat(t.resources())
                .containsExactly("acs:ecs:cn-hangzhou:" + A + ":image/m-1", "acs:ecs:cn-hangzhou:" + A + ":image/m-2");
    }

    @Test
    void ramApiResources() {
        String p = "acs:ram:*:" + A + ":";
        assertThat(target("2015-05-01", "CreateUser", Map.of("UserName", "bob")).resources())
                .containsExactly(p + "user/*");
        assertThat(target("2015-05-01", "CreateAccessKey", Map.of()).resources())
                .as("the caller itself")
                .containsExactly(p + "user/alice");
        assertThat(target("2015-05-01", "AddUserToGroup", Map.of("UserName", "bob", "GroupName", "dev"))
                        .resources())
                .containsExactly(p + "group/dev", p + "user/bob");
        assertThat(target(
                                "2015-05-01",
                                "AttachPolicyToUser",
                                Map.of("UserName", "bob", "PolicyType", "System", "PolicyName", "AdministratorAccess"))
                        .resources())
                .containsExactly(p + "user/bob", "acs:ram:*:system:policy/AdministratorAccess");
        assertThat(target("2015-05-01", "GetPolicy", Map.of("PolicyType", "Custom", "PolicyName", "x"))
                        .resources())
                .containsExactly(p + "policy/x");
        var simulateUser = target(
                "2015-05-01",
                "SimulatePrincipalPolicy",
                Map.of("PrincipalType", "User", "PrincipalName", "bob", "ActionName", "swas-open:ListInstances"));
        assertThat(simulateUser.ramAction()).isEqualTo("ram:SimulatePrincipalPolicy");
        assertThat(simulateUser.resources()).containsExactly(p + "user/bob");
        assertThat(target(
                                "2015-05-01",
                                "SimulatePrincipalPolicy",
                                Map.of(
                                        "PrincipalType",
                                        "Group",
                                        "PrincipalName",
                                        "dev",
                                        "ActionName",
                                        "swas-open:ListInstances"))
                        .resources())
                .containsExactly(p + "group/dev");
        // every RAM action of the catalog is bound
        assertThat(CATALOG.product("ram").operations().keySet())
                .containsExactlyInAnyOrderElementsOf(RamApiBindings.actions());
    }

    @Test
    void conditionKeys() {
        OperationDef op = op("2020-06-01", "CreateCustomImage");
        ValidatedParams params = params(
                op,
                Map.of(
                        "RegionId",
                        "cn-hangzhou",
                        "InstanceId",
                        "i",
                        "ImageName",
                        "img",
                        "SystemSnapshotId",
                        "s-1",
                        "Tag.1.Key",
                        "env",
                        "Tag.1.Value",
                        "test",
                        "Tag.2.Key",
                        "team"));
        ApiRequest request = new ApiRequest(
                "POST", "h", List.of(), Map.of(), Map.of("user-agent", "sdk/1"), new byte[0], "192.0.2.7", true, false);
        RequestContext c =
                Authorization.context(USER, params, request, 1_800_000_000_000L).build();
        assertThat(c.values("acs:SourceIp")).containsExactly("192.0.2.7");
        assertThat(c.values("acs:SecureTransport")).containsExactly("true");
        assertThat(c.values("acs:MFAPresent")).containsExactly("false");
        assertThat(c.values("acs:AccessId")).containsExactly("LTAIalice");
        assertThat(c.values("acs:UserAgent")).containsExactly("sdk/1");
        assertThat(c.values("acs:CurrentTime")).containsExactly("2027-01-15T08:00:00Z");
        assertThat(c.values("acs:RequestTag/env")).containsExactly("test");
        assertThat(c.values("acs:RequestTag/team")).containsExactly("");

        OperationDef create = op("2015-05-01", "CreatePolicy");
        RequestContext json = Authorization.context(
                        USER,
                        params(
                                create,
                                Map.of(
                                        "PolicyName",
                                        "p",
                                        "PolicyDocument",
                                        "{}",
                                        "Tag",
                                        "[{\"Key\":\"owner\",\"Value\":\"alice\"}]")),
                        request,
                        0)
                .build();
        assertThat(json.values("acs:RequestTag/owner")).containsExactly("alice");
    }
}
