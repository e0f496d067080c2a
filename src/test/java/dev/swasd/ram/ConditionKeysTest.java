package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionKeysTest {
    @Test
    void standardContextFeedsTheUsualGuards() {
        RequestContext ctx = ConditionKeys.standard(
                        Instant.parse("2025-07-01T00:00:00.250Z"), true, "192.0.2.9", "LTAIexample")
                .add(ConditionKeys.USER_AGENT, "AlibabaCloud (Linux) Java/21")
                .build();
        assertThat(ctx.values("acs:currenttime")).containsExactly("2025-07-01T00:00:00.250Z");
        assertThat(ctx.values(ConditionKeys.MFA_PRESENT)).isEmpty();
        PolicyDocument guard = PolicyParser.parse("""
                {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "swas-open:*", "Resource": "*",
                  "Condition": {"Bool": {"acs:SecureTransport": "true"}, "IpAddress": {"acs:SourceIp": "192.0.2.0/24"},
                                "DateLessThan": {"acs:CurrentTime": "2025-07-01T08:00:01+08:00"},
                                "StringLike": {"acs:UserAgent": "AlibabaCloud*"}}}]}""");
        assertThat(PolicyEvaluator.evaluate(
                                AuthorizationRequest.ofRamUser("swas-open:ListImages", List.of("*"), ctx),
                                List.of(new NamedPolicy("guard", guard)))
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void tagKeys() {
        assertThat(ConditionKeys.resourceTag("env")).isEqualTo("acs:ResourceTag/env");
        assertThat(ConditionKeys.requestTag("env")).isEqualTo("acs:RequestTag/env");
    }
}
