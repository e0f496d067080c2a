package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final String IMG = "acs:swas-open:cn-hangzhou:1234567890123456:customimage/";
    private static final String DELETE = "swas-open:DeleteCustomImages";

    private static NamedPolicy policy(String name, String statements) {
        return new NamedPolicy(name, PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[" + statements + "]}"));
    }

    private static Evaluation evaluate(List<String> resources, NamedPolicy... policies) {
        return PolicyEvaluator.evaluate(
                AuthorizationRequest.ofRamUser(DELETE, resources, RequestContext.EMPTY), List.of(policies));
    }

    @Test
    void allowReportsTheStatementThatAllowedTheFirstResource() {
        NamedPolicy p = policy(
                "images",
                "{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\"},"
                        + "{\"Sid\":\"Del\",\"Effect\":\"Allow\",\"Action\":\"swas-open:Delete*\",\"Resource\":\"" + IMG
                        + "*\"}");
        Evaluation e = evaluate(List.of(IMG + "m-1", IMG + "m-2"), p);
        assertThat(e.decision()).isEqualTo(Decision.ALLOW);
        assertThat(e.deniedResource()).isEmpty();
        assertThat(e.decidedBy()).contains(new StatementRef(0, "images", 1, Effect.ALLOW, Optional.of("Del")));
        assertThat(e.resources()).extracting(ResourceDecision::decision).containsOnly(Decision.ALLOW);
        assertThat(e.explain()).isEqualTo("Allow  (policy 1 images, Statement[1] (Sid Del); all 2 resources allowed)");
    }

    @Test
    void implicitDenyNamesTheFirstResourceNotAllowed() {
        NamedPolicy p =
                policy("one", "{\"Effect\":\"Allow\",\"Action\":\"" + DELETE + "\",\"Resource\":\"" + IMG + "m-1\"}");
        Evaluation e = evaluate(List.of(IMG + "m-1", IMG + "m-2", IMG + "m-3"), p);
        assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(e.deniedResource()).contains(IMG + "m-2");
        assertThat(e.decidedBy()).isEmpty();
        assertThat(e.resources())
                .extracting(ResourceDecision::decision)
                .containsExactly(Decision.ALLOW, Decision.IMPLICIT_DENY, Decision.IMPLICIT_DENY);
        assertThat(e.explain()).isEqualTo("ImplicitDeny  (no statement allows " + IMG + "m-2; resource 2 of 3)");
    }

    @Test
    void explicitDenyOnALaterResourceBeatsAnImplicitDenyOnAnEarlierOne() {
        NamedPolicy allow = policy("allow", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"" + IMG + "m-3\"}");
        NamedPolicy deny = policy(
                "deny",
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"swas-open:*\",\"Resource\":\"" + IMG + "m-2\"}");
        Evaluation e = evaluate(List.of(IMG + "m-1", IMG + "m-2"), allow, deny);
        assertThat(e.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(e.deniedResource()).contains(IMG + "m-2");
        assertThat(e.decidedBy()).contains(new StatementRef(1, "deny", 1, Effect.DENY, Optional.empty()));
        assertThat(e.explain())
                .isEqualTo("ExplicitDeny  (policy 2 deny, Statement[1] denies " + IMG + "m-2; resource 2 of 2)");
    }

    @Test
    void policyAndStatementOrderDoNotChangeTheDecision() {
        NamedPolicy allow = policy("allow", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        NamedPolicy deny = policy("deny", "{\"Effect\":\"Deny\",\"Action\":\"" + DELETE + "\",\"Resource\":\"*\"}");
        assertThat(evaluate(List.of(IMG + "m-1"), allow, deny).decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(evaluate(List.of(IMG + "m-1"), deny, allow).decision()).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void notActionCoversEveryOtherActionWithinItsResources() {
        NamedPolicy p = policy(
                "p",
                "{\"Effect\":\"Allow\",\"NotAction\":[\"swas-open:Delete*\",\"ram:*\"],"
                        + "\"Resource\":\"acs:swas-open:*:*:instance/*\"}");
        String instance = "acs:swas-open:cn-hangzhou:1234567890123456:instance/i-1";
        assertThat(PolicyEvaluator.evaluate(
                                AuthorizationRequest.ofRamUser(
                                        "swas-open:StopInstance", List.of(instance), RequestContext.EMPTY),
                                List.of(p))
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluate(
                                AuthorizationRequest.ofRamUser(
                                        "swas-open:DeleteInstance", List.of(instance), RequestContext.EMPTY),
                                List.of(p))
                        .decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(
                                AuthorizationRequest.ofRamUser(
                                        "swas-open:StopInstance", List.of(IMG + "m"), RequestContext.EMPTY),
                                List.of(p))
                        .decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void aDenyWhoseConditionFailsDoesNotApply() {
        NamedPolicy p = policy(
                "p",
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"acs:SecureTransport\":\"false\"}}}");
        RequestContext https =
                RequestContext.builder().add("acs:SecureTransport", "true").build();
        RequestContext http =
                RequestContext.builder().add("acs:SecureTransport", "false").build();
        assertThat(PolicyEvaluator.evaluate(
                                AuthorizationRequest.ofRamUser(DELETE, List.of(IMG + "m"), https), List.of(p))
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluate(
                                AuthorizationRequest.ofRamUser(DELETE, List.of(IMG + "m"), http), List.of(p))
                        .decision())
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void rootAccountIsAllowedWithoutPolicies() {
        NamedPolicy denyAll = policy("deny", "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}");
        Evaluation e = PolicyEvaluator.evaluate(
                new AuthorizationRequest(
                        PrincipalType.ROOT_ACCOUNT, DELETE, List.of(IMG + "m-1"), RequestContext.EMPTY),
                List.of(denyAll));
        assertThat(e.decision()).isEqualTo(Decision.ALLOW);
        assertThat(e.rootAccount()).isTrue();
        assertThat(e.decidedBy()).isEmpty();
        assertThat(e.explain()).isEqualTo("Allow  (root account: policies are not consulted)");
    }

    @Test
    void noPoliciesMeansImplicitDeny() {
        Evaluation e = evaluate(List.of("*"));
        assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(e.deniedResource()).contains("*");
    }

    @Test
    void aRequestWithoutResourcesIsAProgrammingError() {
        assertThatThrownBy(() -> evaluate(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one resource");
    }

    @Test
    void wireNamesOfDecisions() {
        assertThat(Decision.ALLOW.wireName()).isEqualTo("Allow");
        assertThat(Decision.IMPLICIT_DENY.wireName()).isEqualTo("ImplicitDeny");
        assertThat(Decision.EXPLICIT_DENY.wireName()).isEqualTo("ExplicitDeny");
        assertThat(Decision.fromWireName("ExplicitDeny")).contains(Decision.EXPLICIT_DENY);
        assertThat(Decision.fromWireName("explicitdeny")).isEmpty();
    }
}
