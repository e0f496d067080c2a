package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SystemPoliciesTest {
    private static final String IMAGE = "acs:swas-open:cn-hangzhou:1234567890123456:customimage/m-1";

    private static Decision decide(String policy, String action, String resource) {
        NamedPolicy p = SystemPolicies.lookup(policy).orElseThrow().asNamedPolicy();
        return PolicyEvaluator.evaluate(
                        AuthorizationRequest.ofRamUser(action, List.of(resource), RequestContext.EMPTY), List.of(p))
                .decision();
    }

    @Test
    void lookupByExactName() {
        assertThat(SystemPolicies.all())
                .extracting(SystemPolicy::name)
                .containsExactly("AdministratorAccess", "AliyunSWASFullAccess", "AliyunSWASReadOnlyAccess");
        assertThat(SystemPolicies.lookup("AliyunSWASFullAccess"))
                .get()
                .extracting(SystemPolicy::description)
                .asString()
                .contains("Simple Application Server");
        assertThat(SystemPolicies.lookup("aliyunswasfullaccess")).isEmpty();
        assertThat(SystemPolicies.lookup("NoSuchPolicy")).isEmpty();
    }

    @Test
    void administratorAccessAllowsEverything() {
        assertThat(decide("AdministratorAccess", "swas-open:DeleteCustomImages", IMAGE))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide("AdministratorAccess", "ecs:DeleteInstance", "acs:ecs:*:*:instance/i-1"))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void fullAccessCoversSwasOpenOnly() {
        assertThat(decide("AliyunSWASFullAccess", "swas-open:DeleteCustomImages", IMAGE))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide("AliyunSWASFullAccess", "swas-open:ListRegions", "*")).isEqualTo(Decision.ALLOW);
        assertThat(decide("AliyunSWASFullAccess", "ecs:DescribeInstances", "*")).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void readOnlyAllowsListAndDescribeOnly() {
        assertThat(decide("AliyunSWASReadOnlyAccess", "swas-open:ListCustomImages", "*"))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide(
                        "AliyunSWASReadOnlyAccess",
                        "swas-open:DescribeInstanceVncUrl",
                        "acs:swas-open:cn-hangzhou:1234567890123456:instance/i-1"))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide("AliyunSWASReadOnlyAccess", "swas-open:DeleteCustomImages", IMAGE))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(
                        "AliyunSWASReadOnlyAccess",
                        "swas-open:CreateCustomImage",
                        "acs:swas-open:cn-hangzhou:1234567890123456:customimage/*"))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void documentsAreKeptAsPublishedText() {
        SystemPolicy p = SystemPolicies.lookup("AliyunSWASReadOnlyAccess").orElseThrow();
        assertThat(p.documentText()).contains("\"swas-open:Describe*\"");
        assertThat(PolicyParser.parse(p.documentText()).statements()).hasSize(1);
    }
}
