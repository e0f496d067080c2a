package dev.swasd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code swasd ram simulate}, run in-process through {@link Main#run} with stdout and stderr captured. */
class RamSimulateCommandTest {
    private static final String IMAGE = "acs:swas-open:cn-hangzhou:1234567890123456:customimage/m-img0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    static synchronized Run swasd(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path write(String name, String content) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void casesFilePrintsEveryDecisionAndExitsZero() throws Exception {
        Path cases = SharedFiles.root().resolve("spec/ram-cases.json");
        Run run = swasd("ram", "simulate", "--cases", cases.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        Map<String, String> expected = new LinkedHashMap<>();
        for (JsonNode c : JSON.readTree(cases.toFile())) {
            expected.put(c.get("name").asText(), c.get("expect").asText());
        }
        JsonNode printed = JSON.readTree(run.out());
        assertThat(printed.isArray()).isTrue();
        Map<String, String> actual = new LinkedHashMap<>();
        for (JsonNode r : printed) {
            assertThat(r.size()).as("fields of %s", r).isEqualTo(2);
            actual.put(r.get("name").asText(), r.get("decision").asText());
        }
        assertThat(actual).hasSize(101);
        assertThat(new ArrayList<>(actual.keySet())).as("case order").isEqualTo(new ArrayList<>(expected.keySet()));
        assertThat(actual).isEqualTo(expected);
        assertThat(run.out().lines().toList().get(1))
                .isEqualTo("  {\"name\":\"no-policies-implicit-deny\",\"decision\":\"ImplicitDeny\"},");
    }

    @Test
    void casesWithoutExpectationsAreEvaluatedToo() throws Exception {
        Path cases = write("cases.json", """
                [{"name": "read", "policies": [{"Version": "1", "Statement": [{"Effect": "Allow",
                  "Action": "swas-open:List*", "Resource": "*"}]}],
                  "request": {"action": "swas-open:ListCustomImages", "resources": ["*"]}},
                 {"name": "delete", "policies": [],
                  "request": {"action": "swas-open:DeleteCustomImages", "resources": ["%s"], "context": {}}}]
                """.formatted(IMAGE));
        Run run = swasd("ram", "simulate", "--cases", cases.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()))
                .isEqualTo(
                        JSON.readTree(
                                "[{\"name\":\"read\",\"decision\":\"Allow\"},{\"name\":\"delete\",\"decision\":\"ImplicitDeny\"}]"));
    }

    @Test
    void anEmptyCaseFilePrintsAnEmptyArray() throws Exception {
        Run run = swasd("ram", "simulate", "--cases", write("empty.json", "[]").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("[]");
    }

    static Stream<Arguments> malformedCaseFiles() {
        String policy =
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        String request = "{\"action\":\"swas-open:ListImages\",\"resources\":[\"*\"]}";
        return Stream.of(
                Arguments.of("bad JSON", "[{\"name\": \"a\",", "not valid JSON"),
                Arguments.of("not an array", "{}", "a case file is a JSON array of cases"),
                Arguments.of(
                        "malformed policy",
                        "[{\"name\":\"a\",\"policies\":[{\"Version\":\"1\",\"Statement\":"
                                + "[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}],\"request\":"
                                + request + "}]",
                        "case 0 (a): policies[0]: Statement[0].Effect must be \"Allow\" or \"Deny\", got \"allow\""),
                Arguments.of(
                        "missing name",
                        "[{\"policies\":[],\"request\":" + request + "}]",
                        "case 0: \"name\" is required"),
                Arguments.of(
                        "missing request",
                        "[{\"name\":\"a\",\"policies\":[]}]",
                        "case 0 (a): \"request\" must be an object"),
                Arguments.of(
                        "missing policies",
                        "[{\"name\":\"a\",\"request\":" + request + "}]",
                        "case 0 (a): \"policies\" must be a list of policy documents"),
                Arguments.of(
                        "missing action",
                        "[{\"name\":\"a\",\"policies\":[],\"request\":{\"resources\":[\"*\"]}}]",
                        "case 0 (a): request: \"action\" is required"),
                Arguments.of(
                        "no resources",
                        "[{\"name\":\"a\",\"policies\":[],\"request\":{\"action\":\"x:y\"," + "\"resources\":[]}}]",
                        "\"resources\" must be a non-empty list"),
                Arguments.of(
                        "bad expectation",
                        "[{\"name\":\"a\",\"policies\":[" + policy + "],\"request\":" + request
                                + ",\"expect\":\"Deny\"}]",
                        "\"expect\" must be Allow, ImplicitDeny or ExplicitDeny"),
                Arguments.of(
                        "unknown field",
                        "[{\"name\":\"a\",\"policies\":[],\"request\":" + request + ",\"expected\":\"Allow\"}]",
                        "unknown field \"expected\""),
                Arguments.of(
                        "bad principal",
                        "[{\"name\":\"a\",\"policies\":[],\"request\":{\"action\":\"x:y\","
                                + "\"resources\":[\"*\"],\"principalType\":\"Root\"}}]",
                        "\"principalType\" must be RootAccount"),
                Arguments.of(
                        "object in context",
                        "[{\"name\":\"a\",\"policies\":[],\"request\":{\"action\":\"x:y\","
                                + "\"resources\":[\"*\"],\"context\":{\"k\":{}}}}]",
                        "context.k must be a string, number, boolean"),
                Arguments.of(
                        "duplicate names",
                        "[{\"name\":\"a\",\"policies\":[],\"request\":" + request + "},"
                                + "{\"name\":\"a\",\"policies\":[],\"request\":" + request + "}]",
                        "case 1: name \"a\" is used twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCaseFiles")
    void malformedCaseFileIsOneLineAndExitTwo(String what, String content, String message) throws Exception {
        Path file = write("bad.json", content);
        Run run = swasd("ram", "simulate", "--cases", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("swasd: " + file + ": ")
                .contains(message)
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingCaseFileIsOneLineAndExitTwo() {
        Run run = swasd("ram", "simulate", "--cases", tmp.resolve("nope.json").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .contains("cannot read")
                .contains("no such file");
    }

    @Test
    void oneRequestPrintsTheDecisionAndTheStatement() throws Exception {
        Path p = write("p.json", """
                {"Version": "1", "Statement": [
                  {"Effect": "Allow", "Action": "swas-open:DeleteCustomImages", "Resource": "acs:swas-open:*:*:customimage/*"},
                  {"Effect": "Deny", "Action": "swas-open:*", "Resource": "*",
                   "Condition": {"NotIpAddress": {"acs:SourceIp": "192.0.2.0/24"}}}]}""");
        Run inside = swasd(
                "ram",
                "simulate",
                "--policy",
                p.toString(),
                "--action",
                "swas-open:DeleteCustomImages",
                "--resource",
                IMAGE,
                "--context",
                "acs:SourceIp=192.0.2.5");
        assertThat(inside.exit()).isZero();
        assertThat(inside.out()).isEqualTo("Allow  (policy 1 " + p + ", Statement[0])" + System.lineSeparator());

        Run outside = swasd(
                "ram",
                "simulate",
                "--policy",
                p.toString(),
                "--action",
                "swas-open:DeleteCustomImages",
                "--resource",
                IMAGE,
                "--context",
                "acs:SourceIp=198.51.100.7");
        assertThat(outside.exit()).isZero();
        assertThat(outside.out().strip())
                .isEqualTo("ExplicitDeny  (policy 1 " + p + ", Statement[1] denies " + IMAGE + ")");
    }

    @Test
    void severalPoliciesAndResources() throws Exception {
        Path one = write(
                "one.json",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"," + "\"Resource\":\"" + IMAGE
                        + "\"}]}");
        Run run = swasd(
                "ram",
                "simulate",
                "--policy",
                one.toString(),
                "--system-policy",
                "AliyunSWASReadOnlyAccess",
                "--action",
                "swas-open:DeleteCustomImages",
                "--resource",
                IMAGE,
                "--resource",
                IMAGE.replace("0001", "0002"));
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip())
                .isEqualTo(
                        "ImplicitDeny  (no statement allows " + IMAGE.replace("0001", "0002") + "; resource 2 of 2)");

        Run read = swasd(
                "ram",
                "simulate",
                "--policy",
                one.toString(),
                "--system-policy",
                "AliyunSWASReadOnlyAccess",
                "--action",
                "swas-open:ListCustomImages",
                "--resource",
                "*");
        assertThat(read.out().strip()).isEqualTo("Allow  (policy 2 AliyunSWASReadOnlyAccess, Statement[0])");
    }

    @Test
    void repeatedContextKeysAreMultiValued() throws Exception {
        Path p = write(
                "tags.json",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"ForAllValues:StringEquals\":{\"test:TagKeys\":[\"team\",\"env\"]}}}]}");
        Run both = swasd(
                "ram",
                "simulate",
                "--policy",
                p.toString(),
                "--action",
                "swas-open:TagResources",
                "--resource",
                "*",
                "--context",
                "test:TagKeys=team",
                "--context",
                "test:TagKeys=env");
        assertThat(both.out()).startsWith("Allow ");
        Run extra = swasd(
                "ram",
                "simulate",
                "--policy",
                p.toString(),
                "--action",
                "swas-open:TagResources",
                "--resource",
                "*",
                "--context",
                "test:TagKeys=team",
                "--context",
                "test:TagKeys=owner");
        assertThat(extra.out()).startsWith("ImplicitDeny ");
    }

    @Test
    void rootAccountIsAlwaysAllowed() {
        Run run = swasd(
                "ram",
                "simulate",
                "--principal-type",
                "RootAccount",
                "--action",
                "swas-open:DeleteCustomImages",
                "--resource",
                IMAGE);
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("Allow  (root account: policies are not consulted)");
    }

    @Test
    void aMalformedPolicyFileIsOneLineAndExitTwo() throws Exception {
        Path p = write(
                "bad.json",
                "{\"Version\":\"1\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        Run run = swasd(
                "ram", "simulate", "--policy", p.toString(), "--action", "swas-open:ListImages", "--resource", "*");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .isEqualTo("swasd: " + p + ": Statement must be a list of statements ([{...}]), not a single object"
                        + " (try: swasd ram simulate --help)");
    }

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of(new String[] {"ram"}, "missing subcommand"),
                Arguments.of(new String[] {"ram", "simulate"}, "--action is required"),
                Arguments.of(
                        new String[] {"ram", "simulate", "--action", "swas-open:ListImages"}, "--resource is required"),
                Arguments.of(
                        new String[] {"ram", "simulate", "--action", "ListImages", "--resource", "*"},
                        "--action must be <service>:<Action>"),
                Arguments.of(
                        new String[] {"ram", "simulate", "--action", "a:b", "--resource", "*", "--context", "novalue"},
                        "--context must be KEY=VALUE"),
                Arguments.of(
                        new String[] {
                            "ram", "simulate", "--action", "a:b", "--resource", "*", "--principal-type", "Root"
                        },
                        "--principal-type must be"),
                Arguments.of(
                        new String[] {"ram", "simulate", "--action", "a:b", "--resource", "*", "--system-policy", "Nope"
                        },
                        "no system policy 'Nope'"),
                Arguments.of(
                        new String[] {"ram", "simulate", "--cases", "x.json", "--action", "a:b"},
                        "--cases cannot be combined"),
                Arguments.of(new String[] {"ram", "simulate", "--frobnicate"}, "Unknown option"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badUsage")
    void badUsageIsOneLineAndExitTwo(String[] args, String message) {
        Run run = swasd(args);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("swasd: ")
                .contains(message);
    }

    @Test
    void helpDescribesBothModes() {
        Run run = swasd("ram", "simulate", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains(
                        "--cases",
                        "--policy",
                        "--system-policy",
                        "--action",
                        "--resource",
                        "--context",
                        "--principal-type");
    }
}
