package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyParserTest {
    /** A valid statement to put beside the one under test, so the error must name Statement[1]. */
    private static final String OK = "{\"Effect\":\"Allow\",\"Action\":\"swas-open:List*\",\"Resource\":\"*\"}";

    private static String policy(String secondStatement) {
        return "{\"Version\":\"1\",\"Statement\":[" + OK + "," + secondStatement + "]}";
    }

    static Stream<Arguments> malformedDocuments() {
        return Stream.of(
                Arguments.of("not JSON", "{\"Version\":\"1\",", "the policy document is not valid JSON:"),
                Arguments.of("trailing content", "{\"Version\":\"1\",\"Statement\":[" + OK + "]} x", "not valid JSON"),
                Arguments.of(
                        "duplicate element",
                        "{\"Version\":\"1\",\"Version\":\"1\",\"Statement\":[" + OK + "]}",
                        "Duplicate field 'Version'"),
                Arguments.of("array document", "[]", "the policy document must be a JSON object"),
                Arguments.of("no Version", "{\"Statement\":[" + OK + "]}", "Version is required"),
                Arguments.of(
                        "numeric Version",
                        "{\"Version\":1,\"Statement\":[" + OK + "]}",
                        "Version must be the string \"1\", got 1"),
                Arguments.of(
                        "Version 2",
                        "{\"Version\":\"2\",\"Statement\":[" + OK + "]}",
                        "Version must be the string \"1\", got \"2\""),
                Arguments.of(
                        "unknown top-level element",
                        "{\"Version\":\"1\",\"Id\":\"x\",\"Statement\":[" + OK + "]}",
                        "\"Id\" is not a policy element (allowed: Version, Statement)"),
                Arguments.of(
                        "lower-case element name",
                        "{\"version\":\"1\",\"Statement\":[" + OK + "]}",
                        "\"version\" is not a policy element"),
                Arguments.of("no Statement", "{\"Version\":\"1\"}", "Statement is required"),
                Arguments.of(
                        "bare Statement object",
                        "{\"Version\":\"1\",\"Statement\":" + OK + "}",
                        "Statement must be a list of statements ([{...}]), not a single object"),
                Arguments.of(
                        "empty Statement",
                        "{\"Version\":\"1\",\"Statement\":[]}",
                        "Statement must contain at least one statement"),
                Arguments.of(
                        "statement not an object", policy("\"Allow\""), "Statement[1] must be an object, got a string"),
                Arguments.of(
                        "missing Effect",
                        policy("{\"Action\":\"*\",\"Resource\":\"*\"}"),
                        "Statement[1].Effect is required"),
                Arguments.of(
                        "lower-case Effect",
                        policy("{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}"),
                        "Statement[1].Effect must be \"Allow\" or \"Deny\", got \"allow\""),
                Arguments.of(
                        "Action and NotAction",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"ecs:*\",\"Resource\":\"*\"}"),
                        "Statement[1] must have either Action or NotAction, not both"),
                Arguments.of(
                        "no Action",
                        policy("{\"Effect\":\"Allow\",\"Resource\":\"*\"}"),
                        "Statement[1] must have Action or NotAction"),
                Arguments.of(
                        "empty Action list",
                        policy("{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}"),
                        "Statement[1].Action must not be an empty list"),
                Arguments.of(
                        "non-string Action",
                        policy("{\"Effect\":\"Allow\",\"Action\":[\"ecs:*\",3],\"Resource\":\"*\"}"),
                        "Statement[1].Action[1] must be a string, got a number"),
                Arguments.of(
                        "empty Action string",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"\",\"Resource\":\"*\"}"),
                        "Statement[1].Action must not be empty"),
                Arguments.of(
                        "Action without service",
                        policy("{\"Effect\":\"Allow\",\"NotAction\":[\"ecs:*\",\"StopInstance\"],\"Resource\":\"*\"}"),
                        "Statement[1].NotAction[1] \"StopInstance\" must have the form <service>:<action>"),
                Arguments.of(
                        "Action object",
                        policy("{\"Effect\":\"Allow\",\"Action\":{},\"Resource\":\"*\"}"),
                        "Statement[1].Action must be a string or a list of strings, got an object"),
                Arguments.of(
                        "missing Resource",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"*\"}"),
                        "Statement[1].Resource is required"),
                Arguments.of(
                        "NotResource",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotResource\":\"*\"}"),
                        "Statement[1].NotResource is not supported"),
                Arguments.of(
                        "Principal",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                                + "\"Principal\":{\"RAM\":\"*\"}}"),
                        "Statement[1].Principal is only allowed in a role's trust policy"),
                Arguments.of(
                        "unknown statement element",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"," + "\"Conditions\":{}}"),
                        "Statement[1]: \"Conditions\" is not a statement element"),
                Arguments.of(
                        "Sid not a string",
                        policy("{\"Sid\":1,\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"),
                        "Statement[1].Sid must be a string"),
                Arguments.of(
                        "Condition not an object",
                        policy(cond("[]")),
                        "Statement[1].Condition must be an object of operators, got a list"),
                Arguments.of(
                        "unknown operator",
                        policy(cond("{\"StringEqual\":{\"acs:SourceVpc\":\"v\"}}")),
                        "Statement[1].Condition.StringEqual: \"StringEqual\" is not a condition operator"),
                Arguments.of(
                        "operator in the wrong case",
                        policy(cond("{\"stringequals\":{\"acs:SourceVpc\":\"v\"}}")),
                        "(operator names are case-sensitive: StringEquals)"),
                Arguments.of(
                        "Null operator (AWS only)",
                        policy(cond("{\"Null\":{\"acs:SourceVpc\":\"true\"}}")),
                        "\"Null\" is not a condition operator"),
                Arguments.of(
                        "operator without keys",
                        policy(cond("{\"Bool\":{}}")),
                        "Statement[1].Condition.Bool must name at least one condition key"),
                Arguments.of(
                        "operator value not an object",
                        policy(cond("{\"Bool\":\"true\"}")),
                        "Statement[1].Condition.Bool must be an object of condition keys, got a string"),
                Arguments.of(
                        "empty value list",
                        policy(cond("{\"StringEquals\":{\"acs:SourceVpc\":[]}}")),
                        "Statement[1].Condition.StringEquals.acs:SourceVpc must list at least one value"),
                Arguments.of(
                        "object value",
                        policy(cond("{\"StringEquals\":{\"acs:SourceVpc\":[{}]}}")),
                        "Statement[1].Condition.StringEquals.acs:SourceVpc[0] must be a string, number or boolean"),
                Arguments.of(
                        "null value",
                        policy(cond("{\"StringEquals\":{\"acs:SourceVpc\":null}}")),
                        "must be a string, number or boolean, got null"),
                Arguments.of(
                        "bad number",
                        policy(cond("{\"NumericLessThan\":{\"test:Count\":[\"1\",\"ten\"]}}")),
                        "Statement[1].Condition.NumericLessThan.test:Count[1] must be a number, got \"ten\""),
                Arguments.of(
                        "bad date",
                        policy(cond("{\"DateLessThan\":{\"acs:CurrentTime\":\"tomorrow\"}}")),
                        "Statement[1].Condition.DateLessThan.acs:CurrentTime must be an ISO 8601 time"),
                Arguments.of(
                        "bad boolean",
                        policy(cond("{\"Bool\":{\"acs:SecureTransport\":\"yes\"}}")),
                        "Statement[1].Condition.Bool.acs:SecureTransport must be true or false, got \"yes\""),
                Arguments.of(
                        "bad CIDR",
                        policy(cond("{\"IpAddress\":{\"acs:SourceIp\":\"10.0.0.0/33\"}}")),
                        "Statement[1].Condition.IpAddress.acs:SourceIp must be an IP address or CIDR block, got \"10.0.0.0/33\""),
                Arguments.of(
                        "host name instead of IP",
                        policy(cond("{\"NotIpAddressIfExists\":{\"acs:SourceIp\":\"example.com\"}}")),
                        "must be an IP address or CIDR block"),
                Arguments.of(
                        "bad qualifier",
                        policy(cond("{\"ForSomeValues:StringEquals\":{\"k\":\"v\"}}")),
                        "\"ForSomeValues:StringEquals\" is not a condition operator"));
    }

    private static String cond(String condition) {
        return "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":" + condition + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDocuments")
    void refusesWithAPreciseMessage(String what, String document, String message) {
        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOfSatisfying(MalformedPolicyException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("MalformedPolicyDocument");
                    assertThat(e.getMessage()).contains(message).doesNotContain("\n");
                });
    }

    @Test
    void lengthIsCheckedFirstWithItsOwnCode() {
        String padded = "{\"Version\":\"1\",\"Statement\":[" + OK + "]}" + " ".repeat(PolicyParser.MAX_DOCUMENT_CHARS);
        assertThatThrownBy(() -> PolicyParser.parse(padded))
                .isInstanceOfSatisfying(MalformedPolicyException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("InvalidParameter.PolicyDocument.Length");
                    assertThat(e.getMessage()).contains("1-6144 characters");
                });
        assertThatThrownBy(() -> PolicyParser.parse(""))
                .isInstanceOfSatisfying(
                        MalformedPolicyException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(MalformedPolicyException.LENGTH));
    }

    @Test
    void exactlyTheMaximumLengthIsAccepted() {
        String doc = "{\"Version\":\"1\",\"Statement\":[" + OK + "]}";
        String padded = doc + " ".repeat(PolicyParser.MAX_DOCUMENT_CHARS - doc.length());
        assertThat(PolicyParser.parse(padded).statements()).hasSize(1);
    }

    @Test
    void compilesEveryElement() {
        PolicyDocument doc = PolicyParser.parse("""
                {"Version": "1", "Statement": [
                  {"Sid": "ReadOnly", "Effect": "Allow", "Action": ["swas-open:List*", "swas-open:Describe*"], "Resource": "*"},
                  {"Effect": "Deny", "NotAction": "swas-open:Get*", "Resource": ["acs:swas-open:*:*:instance/*"],
                   "Condition": {"ForAnyValue:StringEqualsIfExists": {"acs:ResourceTag/env": ["prod", 1, true]},
                                 "NotIpAddress": {"acs:SourceIp": ["192.0.2.0/24", "2001:db8::/32"]},
                                 "DateLessThan": {"acs:CurrentTime": "2030-01-01"},
                                 "NumericEquals": {"test:n": 2.50}}}
                ]}""");
        assertThat(doc.statements()).hasSize(2);
        Statement first = doc.statements().get(0);
        assertThat(first.sid()).contains("ReadOnly");
        assertThat(first.effect()).isEqualTo(Effect.ALLOW);
        assertThat(first.actionPatterns()).containsExactly("swas-open:List*", "swas-open:Describe*");
        Statement second = doc.statements().get(1);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.isNotAction()).isTrue();
        assertThat(second.resourcePatterns()).containsExactly("acs:swas-open:*:*:instance/*");
    }

    @Test
    void sidIsAcceptedAndDoesNotChangeDecisions() {
        assertThat(PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[{\"Sid\":\"a\",\"Effect\":\"Allow\","
                                + "\"Action\":\"*\",\"Resource\":\"*\"}]}")
                        .statements()
                        .get(0)
                        .sid())
                .contains("a");
    }
}
