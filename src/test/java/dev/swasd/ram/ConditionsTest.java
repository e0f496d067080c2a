package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every operator family of ram.md section 5, through the evaluator: an Allow statement whose condition is under test. */
class ConditionsTest {

    /** True when an Allow statement with this Condition block allows the request with this context. */
    static boolean holds(String condition, RequestContext context) {
        PolicyDocument doc =
                PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                        + "\"Resource\":\"*\",\"Condition\":" + condition + "}]}");
        return PolicyEvaluator.evaluate(
                                AuthorizationRequest.ofRamUser("swas-open:StopInstance", List.of("*"), context),
                                List.of(new NamedPolicy("p", doc)))
                        .decision()
                == Decision.ALLOW;
    }

    static boolean holds(String operator, String key, String policyValues, String... requestValues) {
        RequestContext.Builder ctx = RequestContext.builder();
        for (String v : requestValues) {
            ctx.add(key, v);
        }
        return holds("{\"" + operator + "\":{\"" + key + "\":" + policyValues + "}}", ctx.build());
    }

    @Nested
    class Strings {
        @ParameterizedTest(name = "{0} {1} vs {2} = {3}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "StringEquals|\"dev\"|dev|true",
                    "StringEquals|\"dev\"|Dev|false",
                    "StringEquals|[\"ops\",\"dev\"]|dev|true",
                    "StringEquals|5|5|true",
                    "StringEquals|true|true|true",
                    "StringNotEquals|\"prod\"|test|true",
                    "StringNotEquals|\"prod\"|prod|false",
                    "StringNotEquals|[\"prod\",\"staging\"]|staging|false",
                    "StringNotEquals|\"prod\"|PROD|true",
                    "StringEqualsIgnoreCase|\"dev\"|DEV|true",
                    "StringEqualsIgnoreCase|\"dev\"|devs|false",
                    "StringNotEqualsIgnoreCase|\"prod\"|PROD|false",
                    "StringNotEqualsIgnoreCase|[\"a\",\"prod\"]|test|true",
                    "StringLike|\"web-*\"|web-frontend|true",
                    "StringLike|\"web-*\"|WEB-frontend|false",
                    "StringLike|\"app?\"|app1|true",
                    "StringLike|\"app?\"|app12|false",
                    "StringLike|[\"x\",\"*end\"]|frontend|true",
                    "StringNotLike|\"alice*\"|bob|true",
                    "StringNotLike|\"alice*\"|alice2|false",
                    "StringNotLike|[\"alice*\",\"bob\"]|bob|false",
                })
        void operators(String operator, String policyValues, String requestValue, boolean expected) {
            assertThat(holds(operator, "acs:ResourceTag/team", policyValues, requestValue))
                    .isEqualTo(expected);
        }
    }

    @Nested
    class Numbers {
        @ParameterizedTest(name = "{0} {1} vs {2} = {3}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "NumericEquals|\"2.50\"|2.5|true",
                    "NumericEquals|2.5|2.50|true",
                    "NumericEquals|100|1e2|true",
                    "NumericEquals|\"10\"|010|true",
                    "NumericEquals|\"10\"|11|false",
                    "NumericNotEquals|[\"1\",\"2\"]|3|true",
                    "NumericNotEquals|[\"1\",\"2\"]|2.0|false",
                    "NumericLessThan|\"10\"|5|true",
                    "NumericLessThan|\"10\"|10|false",
                    "NumericLessThan|\"10\"|-11|true",
                    "NumericLessThanEquals|\"10\"|10|true",
                    "NumericLessThanEquals|\"10\"|10.01|false",
                    "NumericGreaterThan|\"3\"|2|false",
                    "NumericGreaterThan|\"3\"|3.5|true",
                    "NumericGreaterThanEquals|\"3\"|3|true",
                    "NumericGreaterThanEquals|\"3\"|2.99|false",
                    "NumericLessThan|[\"1\",\"10\"]|5|true",
                })
        void operators(String operator, String policyValues, String requestValue, boolean expected) {
            assertThat(holds(operator, "test:Count", policyValues, requestValue))
                    .isEqualTo(expected);
        }

        @Test
        void aRequestValueThatIsNotANumberFailsEvenANegatedOperator() {
            assertThat(holds("NumericEquals", "test:Count", "\"1\"", "one")).isFalse();
            assertThat(holds("NumericNotEquals", "test:Count", "\"1\"", "one")).isFalse();
            assertThat(holds("NumericLessThan", "test:Count", "\"1\"", " 0")).isFalse();
        }
    }

    @Nested
    class Dates {
        @ParameterizedTest(name = "{0} {1} vs {2} = {3}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "DateEquals|\"2019-08-12T17:00:00+08:00\"|2019-08-12T09:00:00Z|true",
                    "DateEquals|\"2019-08-12T17:00:00+08:00\"|2019-08-12T09:00:00.000Z|true",
                    "DateEquals|\"2019-08-12T09:00:00\"|2019-08-12T09:00:00Z|true",
                    "DateEquals|\"2019-08-12\"|2019-08-12T00:00:00Z|true",
                    "DateNotEquals|\"2019-08-12T09:00:00Z\"|2019-08-12T09:00:01Z|true",
                    "DateNotEquals|\"2019-08-12T09:00:00Z\"|2019-08-12T17:00:00+08:00|false",
                    "DateLessThan|\"2019-08-12T17:00:00+08:00\"|2019-08-12T08:59:59Z|true",
                    "DateLessThan|\"2019-08-12T17:00:00+08:00\"|2019-08-12T09:00:00Z|false",
                    "DateLessThanEquals|\"2019-08-12T17:00:00+08:00\"|2019-08-12T09:00:00Z|true",
                    "DateGreaterThan|\"2025-06-30T23:59:59Z\"|2025-07-01T00:00:00Z|true",
                    "DateGreaterThan|\"2025-06-30T23:59:59Z\"|2025-06-30T23:59:59Z|false",
                    "DateGreaterThanEquals|\"2024-01-01T00:00:00Z\"|2024-01-01T00:00:00Z|true",
                    "DateGreaterThanEquals|\"2024-01-01T00:00:00Z\"|2023-12-31T23:59:59Z|false",
                })
        void operators(String operator, String policyValues, String requestValue, boolean expected) {
            assertThat(holds(operator, "acs:CurrentTime", policyValues, requestValue))
                    .isEqualTo(expected);
        }

        @Test
        void aRequestValueThatIsNotATimeFailsTheCondition() {
            assertThat(holds("DateNotEquals", "acs:CurrentTime", "\"2024-01-01T00:00:00Z\"", "yesterday"))
                    .isFalse();
        }
    }

    @Nested
    class Booleans {
        @ParameterizedTest(name = "Bool {0} vs {1} = {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "\"true\"|true|true",
                    "\"true\"|TRUE|true",
                    "true|true|true",
                    "\"True\"|true|true",
                    "\"true\"|false|false",
                    "false|false|true",
                    "[\"false\"]|true|false",
                    "\"true\"|yes|false",
                    "\"true\"|1|false",
                })
        void bool(String policyValues, String requestValue, boolean expected) {
            assertThat(holds("Bool", "acs:SecureTransport", policyValues, requestValue))
                    .isEqualTo(expected);
        }
    }

    @Nested
    class IpAddresses {
        @ParameterizedTest(name = "{0} {1} vs {2} = {3}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "IpAddress|[\"192.0.2.0/24\",\"203.0.113.2\"]|192.0.2.77|true",
                    "IpAddress|[\"192.0.2.0/24\",\"203.0.113.2\"]|203.0.113.2|true",
                    "IpAddress|[\"192.0.2.0/24\",\"203.0.113.2\"]|203.0.113.3|false",
                    "IpAddress|\"192.0.2.7/24\"|192.0.2.200|true",
                    "IpAddress|\"10.0.0.0/8\"|10.255.255.255|true",
                    "IpAddress|\"10.0.0.0/8\"|11.0.0.0|false",
                    "IpAddress|\"0.0.0.0/0\"|198.51.100.1|true",
                    "IpAddress|\"192.0.2.128/25\"|192.0.2.127|false",
                    "IpAddress|\"2001:db8::/32\"|2001:db8:85a3::8a2e:370:7334|true",
                    "IpAddress|\"2001:db8::/32\"|2001:db9::1|false",
                    "IpAddress|\"2001:DB8::1\"|2001:db8:0:0:0:0:0:1|true",
                    "IpAddress|\"::/0\"|192.0.2.1|false",
                    "IpAddress|\"0.0.0.0/0\"|::1|false",
                    "IpAddress|\"192.0.2.0/24\"|::ffff:192.0.2.1|false",
                    "IpAddress|\"192.0.2.0/24\"|192.0.2|false",
                    "IpAddress|\"192.0.2.0/24\"|192.0.2.1.5|false",
                    "IpAddress|\"192.0.2.0/24\"|192.0.2.256|false",
                    "IpAddress|\"192.0.2.0/24\"|localhost|false",
                    "NotIpAddress|[\"192.0.2.0/24\",\"203.0.113.2\"]|198.51.100.9|true",
                    "NotIpAddress|[\"192.0.2.0/24\",\"203.0.113.2\"]|192.0.2.1|false",
                    "NotIpAddress|\"192.0.2.0/24\"|not-an-ip|false",
                    "NotIpAddress|\"2001:db8::/32\"|192.0.2.1|true",
                })
        void operators(String operator, String policyValues, String requestValue, boolean expected) {
            assertThat(holds(operator, "acs:SourceIp", policyValues, requestValue))
                    .isEqualTo(expected);
        }
    }

    @Nested
    class MissingKeysAndIfExists {
        @ParameterizedTest(name = "{0} on an absent key = {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "StringEquals|false",
                    "StringLike|false",
                    "NumericLessThan|false",
                    "Bool|false",
                    "IpAddress|false",
                    "DateGreaterThan|false",
                    "StringNotEquals|true",
                    "StringNotEqualsIgnoreCase|true",
                    "StringNotLike|true",
                    "NumericNotEquals|true",
                    "DateNotEquals|true",
                    "NotIpAddress|true",
                    "StringEqualsIfExists|true",
                    "BoolIfExists|true",
                    "IpAddressIfExists|true",
                    "NotIpAddressIfExists|true",
                    "ForAnyValue:StringEquals|false",
                    "ForAnyValue:StringNotEquals|false",
                    "ForAllValues:StringEquals|true",
                    "ForAllValues:StringNotEquals|true",
                    "ForAnyValue:StringEqualsIfExists|true",
                })
        void absentKey(String operator, boolean expected) {
            String value = switch (operator.replaceAll("^For[A-Za-z]+:|IfExists$", "")) {
                case "NumericLessThan", "NumericNotEquals" -> "\"1\"";
                case "Bool" -> "\"true\"";
                case "IpAddress", "NotIpAddress" -> "\"10.0.0.0/8\"";
                case "DateGreaterThan", "DateNotEquals" -> "\"2020-01-01T00:00:00Z\"";
                default -> "\"v\"";
            };
            assertThat(holds(
                            "{\"" + operator + "\":{\"test:Absent\":" + value + "}}",
                            RequestContext.builder().add("test:Other", "v").build()))
                    .isEqualTo(expected);
        }

        @Test
        void ifExistsOnAPresentKeyIsTheBaseOperator() {
            assertThat(holds("StringEqualsIfExists", "acs:SourceVpc", "\"vpc-a\"", "vpc-a"))
                    .isTrue();
            assertThat(holds("StringEqualsIfExists", "acs:SourceVpc", "\"vpc-a\"", "vpc-b"))
                    .isFalse();
            assertThat(holds("NumericLessThanIfExists", "test:n", "\"10\"", "11"))
                    .isFalse();
            assertThat(holds("NotIpAddressIfExists", "acs:SourceIp", "\"10.0.0.0/8\"", "10.1.1.1"))
                    .isFalse();
        }
    }

    @Nested
    class MultiValuedKeys {
        @ParameterizedTest(name = "{0} {1} vs {2} = {3}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "ForAnyValue:StringEquals|[\"team\",\"env\"]|owner,env|true",
                    "ForAnyValue:StringEquals|[\"team\",\"env\"]|owner,cost|false",
                    "ForAllValues:StringEquals|[\"team\",\"env\"]|team,env|true",
                    "ForAllValues:StringEquals|[\"team\",\"env\"]|team,owner|false",
                    "ForAnyValue:StringNotEquals|[\"team\"]|team,env|true",
                    "ForAnyValue:StringNotEquals|[\"team\"]|team|false",
                    "ForAllValues:StringNotEquals|[\"team\",\"env\"]|owner,cost|true",
                    "ForAllValues:StringNotEquals|[\"team\",\"env\"]|owner,env|false",
                    "ForAnyValue:StringLike|[\"t*\"]|owner,team|true",
                    "ForAllValues:NumericLessThan|\"10\"|1,2,9|true",
                    "ForAllValues:NumericLessThan|\"10\"|1,2,10|false",
                    "ForAnyValue:IpAddress|\"10.0.0.0/8\"|192.0.2.1,10.0.0.1|true",
                    "StringEquals|[\"env\"]|owner,env|true",
                    "StringNotEquals|[\"env\"]|owner,env|false",
                    "StringNotEquals|[\"env\"]|owner,cost|true",
                })
        void qualifiers(String operator, String policyValues, String requestValues, boolean expected) {
            assertThat(holds(operator, "test:TagKeys", policyValues, requestValues.split(",")))
                    .isEqualTo(expected);
        }

        @Test
        void oneUnreadableValueFailsTheWholeKey() {
            assertThat(holds("ForAnyValue:NumericLessThan", "test:n", "\"10\"", "1", "x"))
                    .isFalse();
        }
    }

    @Nested
    class Blocks {
        @Test
        void everyOperatorAndEveryKeyMustHold() {
            String condition = "{\"Bool\":{\"acs:SecureTransport\":\"true\"},"
                    + "\"StringEquals\":{\"acs:ResourceTag/team\":\"dev\",\"acs:ResourceTag/env\":\"test\"}}";
            RequestContext all = RequestContext.builder()
                    .add("acs:SecureTransport", "true")
                    .add("acs:ResourceTag/team", "dev")
                    .add("acs:ResourceTag/env", "test")
                    .build();
            assertThat(holds(condition, all)).isTrue();
            RequestContext oneKeyWrong = RequestContext.builder()
                    .add("acs:SecureTransport", "true")
                    .add("acs:ResourceTag/team", "dev")
                    .add("acs:ResourceTag/env", "prod")
                    .build();
            assertThat(holds(condition, oneKeyWrong)).isFalse();
            RequestContext oneOperatorWrong = RequestContext.builder()
                    .add("acs:SecureTransport", "false")
                    .add("acs:ResourceTag/team", "dev")
                    .add("acs:ResourceTag/env", "test")
                    .build();
            assertThat(holds(condition, oneOperatorWrong)).isFalse();
        }

        @Test
        void keyNamesCompareIgnoringCaseOnBothSides() {
            assertThat(holds(
                            "{\"IpAddress\":{\"ACS:SOURCEIP\":\"192.0.2.0/24\"}}",
                            RequestContext.builder()
                                    .add("acs:SourceIp", "192.0.2.9")
                                    .build()))
                    .isTrue();
            assertThat(holds(
                            "{\"IpAddress\":{\"acs:SourceIp\":\"192.0.2.0/24\"}}",
                            RequestContext.builder()
                                    .add("Acs:sourceIP", "192.0.2.9")
                                    .build()))
                    .isTrue();
        }

        @Test
        void emptyConditionBlockIsNoCondition() {
            assertThat(holds("{}", RequestContext.EMPTY)).isTrue();
        }
    }
}
