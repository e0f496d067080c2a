package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.swasd.catalog.Catalog;
import dev.swasd.server.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every implemented action's successful answer, as the official Java client
 * ({@code aliyun-java-sdk-core}, CommonRequest) receives it in JSON and in XML, matches the catalog's
 * response tree: every field is one the tree names (or a declared deviation), with the tree's wire
 * type, nested. A scenario calls each implemented action at least once; an action implemented
 * without a call here fails the test, so the scenario grows with the server.
 */
class ResponseConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XmlMapper XML = new XmlMapper();
    private static final String R = "cn-hangzhou";
    private static final String OTHER_ACCOUNT = "2000000000000002";
    private static final Map<String, String> VERSIONS =
            Map.of("swas-open", "2020-06-01", "ecs", "2014-05-26", "ram", "2015-05-01");
    private static final Map<String, String> CATALOGS = Map.of(
            "swas-open",
            "/catalog/swas-open-2020-06-01.json",
            "ecs",
            "/catalog/ecs-2014-05-26.json",
            "ram",
            "/catalog/ram-2015-05-01.json");

    /** One format's run: the server, the trees, and what was checked. */
    private static final class Run {
        final TestServer server;
        final boolean xml;
        final Map<String, Map<String, JsonNode>> trees = new HashMap<>();
        final Map<String, Set<String>> called = new HashMap<>();
        final List<String> problems = new ArrayList<>();

        Run(TestServer server, boolean xml) {
            this.server = server;
            this.xml = xml;
            JsonNode deviations = resource("/catalog/response-deviations.json");
            for (Map.Entry<String, String> c : CATALOGS.entrySet()) {
                Map<String, JsonNode> byAction = new HashMap<>();
                List<JsonNode> actions = new ArrayList<>();
                resource(c.getValue()).path("actions").forEach(actions::add);
                if (c.getKey().equals("swas-open")) {
                    resource(Catalog.SWAS_OPEN_EXTENSIONS).path("actions").forEach(actions::add);
                }
                if (c.getKey().equals("ram")) {
                    resource(Catalog.RAM_EXTENSIONS).path("actions").forEach(actions::add);
                }
                for (JsonNode a : actions) {
                    String action = a.path("action").asText();
                    var tree = JSON.createArrayNode();
                    a.path("response").forEach(tree::add);
                    deviations.path(c.getKey()).path(action).forEach(tree::add);
                    byAction.put(action, tree);
                }
                trees.put(c.getKey(), byAction);
            }
        }

        /** Calls the action, checks its answer against the tree, and returns it as a JSON-like tree. */
        JsonNode call(String product, String action, String... kv) {
            DefaultAcsClient client =
                    new DefaultAcsClient(DefaultProfile.getProfile(R, TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET));
            CommonRequest request = new CommonRequest();
            request.setSysDomain(server.endpoint());
            request.setSysProtocol(ProtocolType.HTTP);
            request.setSysVersion(VERSIONS.get(product));
            request.setSysAction(action);
            request.setSysMethod(MethodType.POST);
            request.setSysAccept(xml ? FormatType.XML : FormatType.JSON);
            for (int i = 0; i < kv.length; i += 2) {
                request.putQueryParameter(kv[i], kv[i + 1]);
            }
            CommonResponse response;
            try {
                response = client.getCommonResponse(request);
            } catch (ClientException e) {
                throw new AssertionError(
                        product + " " + action + " failed: " + e.getErrCode() + " " + e.getErrMsg(), e);
            } finally {
                client.shutdown();
            }
            assertThat(response.getHttpStatus()).as("%s %s", product, action).isEqualTo(200);
            called.computeIfAbsent(product, p -> new TreeSet<>()).add(action);
            JsonNode tree = trees.get(product).get(action);
            try {
                if (xml) {
                    checkXml(product + " " + action, response.getData(), action, tree);
                    return XML.readTree(response.getData());
                }
                JsonNode body = JSON.readTree(response.getData());
                checkJsonObject(product + " " + action, body, tree, true);
                return body;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void checkJsonObject(String where, JsonNode body, JsonNode tree, boolean top) {
            if (!body.isObject()) {
                problems.add(where + ": expected an object, got " + body.getNodeType());
                return;
            }
            if (top && !body.path("RequestId").isTextual()) {
                problems.add(where + ": no RequestId");
            }
            if (top && body.has("Code") && body.has("Message")) {
                problems.add(where + ": a success with a top-level Code and Message, which clients read as an error");
            }
            Map<String, JsonNode> fields = fields(tree);
            body.fields().forEachRemaining(e -> {
                JsonNode f = fields.get(e.getKey());
                if (f == null) {
                    problems.add(where + "." + e.getKey() + ": not in the catalog's response tree");
                } else {
                    checkJsonValue(where + "." + e.getKey(), e.getValue(), f);
                }
            });
        }

        void checkJsonValue(String where, JsonNode value, JsonNode field) {
            String type = field.path("type").asText();
            switch (type) {
                case "string" -> expect(where, value.isTextual(), type, value);
                case "number", "integer" -> expect(where, value.isNumber(), type, value);
                case "boolean" -> expect(where, value.isBoolean(), type, value);
                case "object" -> checkJsonObject(where, value, field.path("fields"), false);
                case "map<string,any>" -> expect(where, value.isObject(), type, value);
                default -> {
                    if (!type.startsWith("array<")) {
                        problems.add(where + ": unknown tree type " + type);
                        return;
                    }
                    if (!value.isArray()) {
                        problems.add(where + ": expected " + type + ", got " + value.getNodeType());
                        return;
                    }
                    String item = type.substring("array<".length(), type.length() - 1);
                    for (int i = 0; i < value.size(); i++) {
                        if (item.equals("object")) {
                            checkJsonObject(where + "[" + i + "]", value.get(i), field.path("items"), false);
                        } else {
                            checkJsonValue(where + "[" + i + "]", value.get(i), scalar(item));
                        }
                    }
                }
            }
        }

        void checkXml(String where, String text, String action, JsonNode tree) {
            Element root;
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                root = f.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                        .getDocumentElement();
            } catch (Exception e) {
                problems.add(where + ": not well-formed XML: " + e.getMessage());
                return;
            }
            if (!root.getTagName().equals(action + "Response")) {
                problems.add(where + ": root element " + root.getTagName());
            }
            List<Element> kids = children(root);
            if (kids.stream().noneMatch(k -> k.getTagName().equals("RequestId"))) {
                problems.add(where + ": no RequestId");
            }
            checkXmlObject(where, kids, tree, true);
        }

        void checkXmlObject(String where, List<Element> kids, JsonNode tree, boolean top) {
            Map<String, JsonNode> fields = fields(tree);
            Map<String, List<Element>> byName = new LinkedHashMap<>();
            kids.forEach(k -> byName.computeIfAbsent(k.getTagName(), n -> new ArrayList<>())
                    .add(k));
            for (Map.Entry<String, List<Element>> e : byName.entrySet()) {
                String name = e.getKey();
                JsonNode f = fields.get(name);
                if (f == null) {
                    problems.add(where + "." + name + ": not in the catalog's response tree");
                    continue;
                }
                String type = f.path("type").asText();
                if (!type.startsWith("array<") && e.getValue().size() > 1) {
                    problems.add(where + "." + name + ": repeated, but the tree says " + type);
                }
                for (Element el : e.getValue()) {
                    String at = where + "." + name;
                    String item = type.startsWith("array<") ? type.substring(6, type.length() - 1) : type;
                    switch (item) {
                        case "object" ->
                            checkXmlObject(
                                    at,
                                    children(el),
                                    type.startsWith("array<") ? f.path("items") : f.path("fields"),
                                    false);
                        case "number", "integer" ->
                            expect(at, el.getTextContent().matches("-?\\d+(\\.\\d+)?"), item, el.getTextContent());
                        case "boolean" ->
                            expect(at, el.getTextContent().matches("true|false"), item, el.getTextContent());
                        case "map<string,any>" -> {
                            // any content
                        }
                        default -> expect(at, children(el).isEmpty(), item, "nested elements");
                    }
                }
            }
        }

        void expect(String where, boolean ok, String type, Object got) {
            if (!ok) {
                problems.add(where + ": expected " + type + ", got " + got);
            }
        }
    }

    private static JsonNode scalar(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static Map<String, JsonNode> fields(JsonNode tree) {
        Map<String, JsonNode> out = new HashMap<>();
        tree.forEach(f -> out.put(f.path("name").asText(), f));
        return out;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = ResponseConformanceTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first text found under {@code name}, whether JSON or XML made the tree (a list or one value). */
    private static String first(JsonNode body, String... path) {
        JsonNode n = body;
        for (String p : path) {
            n = n.isArray() ? n.get(0).path(p) : n.path(p);
        }
        if (n.isArray()) {
            n = n.get(0);
        }
        assertThat(n == null || n.isMissingNode())
                .as("no %s in %s", String.join(".", path), body)
                .isFalse();
        return n.asText();
    }

    /** The items of a list, whether one (XML) or many. */
    private static List<JsonNode> items(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (!n.isMissingNode()) {
            out.add(n);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void everyImplementedActionAnswersInTheShapeOfItsTree(String format) throws Exception {
        try (TestServer server = TestServer.start()) {
            Run run = new Run(server, format.equals("xml"));
            swasScenario(run);
            ramScenario(run);
            assertThat(run.problems)
                    .as("answers that differ from the catalog's response trees")
                    .isEmpty();
            for (String product : VERSIONS.keySet()) {
                assertThat(run.called.getOrDefault(product, Set.of()))
                        .as("%s actions the scenario calls", product)
                        .containsExactlyInAnyOrderElementsOf(server.implementedActions(product));
                assertThat(server.implementedActions(product))
                        .as(
                                "%s actions implemented: every action of the catalog, so none answers NotImplemented",
                                product)
                        .containsExactlyInAnyOrderElementsOf(
                                Catalog.standard().product(product).operations().keySet());
            }
        }
    }

    private static void databaseScenario(Run r) {
        String db = r.server.seedDatabase(R, "orders", "8.0");
        r.call("swas-open", "DescribeDatabaseInstances", "RegionId", R, "PageSize", "10");
        r.call("swas-open", "StopDatabaseInstance", "RegionId", R, "DatabaseInstanceId", db);
        r.call("swas-open", "StartDatabaseInstance", "RegionId", R, "DatabaseInstanceId", db);
        r.call("swas-open", "RestartDatabaseInstance", "RegionId", R, "DatabaseInstanceId", db);
        r.call("swas-open", "AllocatePublicConnection", "RegionId", R, "DatabaseInstanceId", db);
        r.call("swas-open", "DescribeDatabaseInstances", "RegionId", R, "DatabaseInstanceIds", "[\"" + db + "\"]");
        r.call("swas-open", "ReleasePublicConnection", "RegionId", R, "DatabaseInstanceId", db);
        r.call("swas-open", "DescribeDatabaseInstanceParameters", "RegionId", R, "DatabaseInstanceId", db);
        r.call(
                "swas-open",
                "ModifyDatabaseInstanceParameter",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "Parameters",
                "{\"max_connections\":\"800\",\"back_log\":\"4000\"}",
                "ForceRestart",
                "true");
        r.call(
                "swas-open",
                "ResetDatabaseAccountPassword",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "AccountPassword",
                "Orders#2024");
        r.call(
                "swas-open",
                "ModifyDatabaseInstanceDescription",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "DatabaseInstanceDescription",
                "reports");
    }

    // ---- Cloud Assistant commands (swas.commands)
    private static void commandScenario(Run r, String a, String b) {
        String invoke = first(
                r.call(
                        "swas-open",
                        "RunCommand",
                        "RegionId",
                        R,
                        "InstanceId",
                        a,
                        "Name",
                        "greet",
                        "Type",
                        "RunShellScript",
                        "CommandContent",
                        "echo {{name}}",
                        "EnableParameter",
                        "true",
                        "Parameters",
                        "{\"name\":\"Jack\"}"),
                "InvokeId");
        r.call("swas-open", "DescribeInvocations", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "DescribeInvocationResult", "RegionId", R, "InstanceId", a, "InvokeId", invoke);
        String command = first(
                r.call(
                        "swas-open",
                        "CreateCommand",
                        "RegionId",
                        R,
                        "Name",
                        "uptime",
                        "Type",
                        "RunShellScript",
                        "CommandContent",
                        "uptime",
                        "Tag.1.Key",
                        "team",
                        "Tag.1.Value",
                        "ops"),
                "CommandId");
        r.call("swas-open", "UpdateCommandAttribute", "RegionId", R, "CommandId", command, "Timeout", "120");
        r.call("swas-open", "DescribeCommands", "RegionId", R, "Provider", "User");
        r.call(
                "swas-open",
                "InvokeCommand",
                "RegionId",
                R,
                "CommandId",
                command,
                "InstanceIds",
                "[\"" + a + "\",\"" + b + "\"]");
        r.call("swas-open", "DescribeCommandInvocations", "RegionId", R, "CommandId", command);
        r.call("swas-open", "DeleteCommand", "RegionId", R, "CommandId", command);
    }

    private static void swasScenario(Run r) {
        databaseScenario(r);
        r.call("swas-open", "ListRegions");
        r.call("swas-open", "ListPlans", "RegionId", R);
        JsonNode images = r.call("swas-open", "ListImages", "RegionId", R, "ImageType", "system");
        String linux = items(images.path("Images")).stream()
                .flatMap(i -> items(i.has("Image") ? i.path("Image") : i).stream())
                .filter(i -> i.path("Platform").asText().equals("Linux"))
                .findFirst()
                .orElseThrow()
                .path("ImageId")
                .asText();
        JsonNode created = r.call(
                "swas-open",
                "CreateInstances",
                "RegionId",
                R,
                "ImageId",
                linux,
                "PlanId",
                "swas.s2.c2m2s40b3t08",
                "Period",
                "1",
                "Amount",
                "2");
        List<String> servers = items(created.path("InstanceIds")).stream()
                .map(JsonNode::asText)
                .toList();
        String a = servers.get(0);
        String b = servers.get(1);
        String ids = "[\"" + a + "\"]";
        commandScenario(r, a, b);
        r.call("swas-open", "ListInstances", "RegionId", R);
        r.call("swas-open", "ListInstanceStatus", "RegionId", R, "InstanceIds", ids);
        r.call("swas-open", "StopInstance", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "StartInstance", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "RebootInstance", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "StopInstances", "RegionId", R, "InstanceIds", ids);
        r.call("swas-open", "StartInstances", "RegionId", R, "InstanceIds", ids);
        r.call("swas-open", "RebootInstances", "RegionId", R, "InstanceIds", ids);
        r.call("swas-open", "UpdateInstanceAttribute", "RegionId", R, "InstanceId", a, "InstanceName", "renamed");
        r.call("swas-open", "ListFirewallRules", "RegionId", R, "InstanceId", a);
        String rule = first(
                r.call(
                        "swas-open",
                        "CreateFirewallRule",
                        "RegionId",
                        R,
                        "InstanceId",
                        a,
                        "RuleProtocol",
                        "TCP",
                        "Port",
                        "8080",
                        "Remark",
                        "web"),
                "FirewallId");
        String more = first(
                r.call(
                        "swas-open",
                        "CreateFirewallRules",
                        "RegionId",
                        R,
                        "InstanceId",
                        a,
                        "FirewallRules",
                        "[{\"RuleProtocol\":\"UDP\",\"Port\":\"53\"}]"),
                "FirewallRuleIds");
        r.call(
                "swas-open",
                "ModifyFirewallRule",
                "RegionId",
                R,
                "InstanceId",
                a,
                "RuleId",
                rule,
                "RuleProtocol",
                "TCP",
                "Port",
                "8081");
        r.call("swas-open", "DisableFirewallRule", "RegionId", R, "InstanceId", a, "RuleId", rule);
        r.call("swas-open", "EnableFirewallRule", "RegionId", R, "InstanceId", a, "RuleId", rule);
        r.call("swas-open", "ListFirewallRules", "RegionId", R, "InstanceId", a, "PageSize", "10");
        r.call("swas-open", "DeleteFirewallRule", "RegionId", R, "InstanceId", a, "RuleId", rule);
        r.call("swas-open", "DeleteFirewallRules", "RegionId", R, "InstanceId", a, "RuleIds", more);
        r.call("swas-open", "CreateDisk", "RegionId", R, "InstanceId", b, "DiskSize", "40");
        keyPairScenario(r, a, b);
        monitoringScenario(r, a);
        databaseInsightScenario(r);
        String ft = first(
                r.call(
                        "swas-open",
                        "CreateFirewallTemplate",
                        "RegionId",
                        R,
                        "Name",
                        "web",
                        "Description",
                        "d",
                        "FirewallRule.1.RuleProtocol",
                        "TCP",
                        "FirewallRule.1.Port",
                        "8080",
                        "FirewallRule.1.SourceCidrIp",
                        "10.0.0.0/8",
                        "FirewallRule.1.Remark",
                        "app"),
                "FirewallTemplateId");
        String ftRule = first(
                r.call(
                        "swas-open",
                        "CreateFirewallTemplateRules",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        ft,
                        "FirewallRule.1.RuleProtocol",
                        "UDP",
                        "FirewallRule.1.Port",
                        "53"),
                "FirewallTemplateRules",
                "FirewallTemplateRuleId");
        r.call(
                "swas-open",
                "ModifyFirewallTemplate",
                "RegionId",
                R,
                "FirewallTemplateId",
                ft,
                "Name",
                "web2",
                "FirewallTemplateRule.1.FirewallTemplateRuleId",
                ftRule,
                "FirewallTemplateRule.1.Port",
                "5353");
        r.call("swas-open", "DescribeFirewallTemplates", "RegionId", R);
        String task = first(
                r.call(
                        "swas-open",
                        "ApplyFirewallTemplate",
                        "RegionId",
                        R,
                        "FirewallTemplateId",
                        ft,
                        "InstanceIds.1",
                        a),
                "TaskId");
        r.call("swas-open", "DescribeFirewallTemplateApplyResults", "RegionId", R, "TaskId.1", task);
        r.call(
                "swas-open",
                "DescribeFirewallTemplateRulesApplyResult",
                "RegionId",
                R,
                "FirewallTemplateId",
                ft,
                "TaskId",
                task,
                "InstanceId",
                a);
        r.call(
                "swas-open",
                "DeleteFirewallTemplateRules",
                "RegionId",
                R,
                "FirewallTemplateId",
                ft,
                "FirewallTemplateRuleId.1",
                ftRule);
        r.call("swas-open", "DeleteFirewallTemplates", "RegionId", R, "FirewallTemplateId.1", ft);
        r.call("swas-open", "ModifyInstanceVncPassword", "RegionId", R, "InstanceId", a, "VncPassword", "abc123");
        r.call("swas-open", "DescribeInstancePasswordsSetting", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "DescribeInstanceVncUrl", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "LoginInstance", "RegionId", R, "InstanceId", a, "Username", "root", "Port", "22");
        r.call("swas-open", "StartTerminalSession", "RegionId", R, "InstanceId", a);
        JsonNode disks = r.call("swas-open", "ListDisks", "RegionId", R, "InstanceId", a, "DiskType", "system");
        String disk = first(disks, "Disks", "DiskId");
        String s1 = first(
                r.call("swas-open", "CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "snap-one"),
                "SnapshotId");
        String s2 = first(
                r.call("swas-open", "CreateSnapshot", "RegionId", R, "DiskId", disk, "SnapshotName", "snap-two"),
                "SnapshotId");
        r.call("swas-open", "ListSnapshots", "RegionId", R);
        r.call("swas-open", "UpdateSnapshotAttribute", "RegionId", R, "SnapshotId", s2, "Remark", "before the reset");
        r.call("swas-open", "UpdateDiskAttribute", "RegionId", R, "DiskId", disk, "Remark", "system disk");
        r.call("swas-open", "StopInstance", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "ResetDisk", "RegionId", R, "DiskId", disk, "SnapshotId", s2);
        r.call("swas-open", "StartInstance", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "ListDisks", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "ListSnapshots", "RegionId", R, "SnapshotIds", "[\"" + s2 + "\"]");
        String m1 = first(
                r.call(
                        "swas-open",
                        "CreateCustomImage",
                        "RegionId",
                        R,
                        "InstanceId",
                        a,
                        "ImageName",
                        "img-one",
                        "SystemSnapshotId",
                        s1,
                        "Tag.1.Key",
                        "team",
                        "Tag.1.Value",
                        "blue"),
                "ImageId");
        String m2 = first(
                r.call(
                        "swas-open",
                        "CreateCustomImage",
                        "RegionId",
                        R,
                        "InstanceId",
                        a,
                        "ImageName",
                        "img-two",
                        "SystemSnapshotId",
                        s1),
                "ImageId");
        r.call("swas-open", "ListCustomImages", "RegionId", R);
        r.call("swas-open", "ListImages", "RegionId", R, "ImageType", "custom");
        r.call("swas-open", "ModifyImageShareStatus", "RegionId", R, "ImageId", m1, "Operation", "Share");
        r.call("ecs", "DescribeImages", "RegionId", R, "ImageOwnerAlias", "others");
        r.call("swas-open", "ModifyImageShareStatus", "RegionId", R, "ImageId", m1, "Operation", "UnShare");
        r.call("swas-open", "AddCustomImageShareAccount", "RegionId", R, "ImageId", m1, "Account.1", OTHER_ACCOUNT);
        r.call("swas-open", "ListCustomImageShareAccounts", "RegionId", R, "ImageId", m1);
        r.call("swas-open", "RemoveCustomImageShareAccount", "RegionId", R, "ImageId", m1, "Account.1", OTHER_ACCOUNT);
        r.call("swas-open", "ResetSystem", "RegionId", R, "InstanceId", b, "ImageId", m1);
        r.call("swas-open", "ListInstancePlansModification", "RegionId", R, "InstanceId", a);
        r.call("swas-open", "UpgradeInstance", "RegionId", R, "InstanceId", a, "PlanId", "swas.s2.c2m4s60b5t12");
        r.call("swas-open", "RenewInstance", "RegionId", R, "InstanceId", a, "Period", "1");
        r.call("swas-open", "ListInstancesTrafficPackages", "RegionId", R, "InstanceIds", ids);
        r.call(
                "swas-open",
                "TagResources",
                "RegionId",
                R,
                "ResourceType",
                "instance",
                "ResourceId.1",
                a,
                "Tag.1.Key",
                "env",
                "Tag.1.Value",
                "test");
        r.call("swas-open", "ListTagResources", "RegionId", R, "ResourceType", "instance", "ResourceId.1", a);
        r.call(
                "swas-open",
                "UntagResources",
                "RegionId",
                R,
                "ResourceType",
                "instance",
                "ResourceId.1",
                a,
                "TagKey.1",
                "env");
        r.call("swas-open", "DeleteCustomImage", "RegionId", R, "ImageId", m2);
        r.call("swas-open", "DeleteCustomImages", "RegionId", R, "ImageIds", "[\"" + m1 + "\"]");
        r.call("swas-open", "DeleteSnapshot", "RegionId", R, "SnapshotId", s2);
        r.call("swas-open", "DeleteSnapshots", "RegionId", R, "SnapshotIds", "[\"" + s1 + "\"]");
    }

    // ---- monitoring and agents (issue 19)
    private static void monitoringScenario(Run r, String server) {
        long now = System.currentTimeMillis();
        r.call(
                "swas-open",
                "DescribeMonitorData",
                "RegionId",
                R,
                "InstanceId",
                server,
                "MetricName",
                "CPU_UTILIZATION",
                "Period",
                "60",
                "StartTime",
                Long.toString(now - 3_600_000),
                "EndTime",
                Long.toString(now),
                "Length",
                "5");
        String ids = "[\"" + server + "\"]";
        r.call("swas-open", "DescribeCloudAssistantStatus", "RegionId", R, "InstanceIds", ids);
        r.call("swas-open", "DescribeCloudAssistantAttributes", "RegionId", R, "InstanceIds", ids);
        r.call("swas-open", "InstallCloudAssistant", "RegionId", R, "InstanceIds", ids);
        r.call("swas-open", "InstallCloudMonitorAgent", "RegionId", R, "InstanceId", server);
        r.call("swas-open", "DescribeCloudMonitorAgentStatuses", "RegionId", R, "InstanceIds", ids);
        r.call("swas-open", "DescribeSecurityAgentStatus", "RegionId", R, "InstanceId", server);
    }

    private static void databaseInsightScenario(Run r) {
        String db = r.server.seedDatabase(R, "insight", "5.7");
        long now = System.currentTimeMillis();
        String from = java.time.Instant.ofEpochMilli(now - 3_600_000).toString().substring(0, 16) + "Z";
        String to = java.time.Instant.ofEpochMilli(now + 60_000).toString().substring(0, 16) + "Z";
        r.call(
                "swas-open",
                "DescribeDatabaseErrorLogs",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "StartTime",
                from,
                "EndTime",
                to);
        r.call(
                "swas-open",
                "DescribeDatabaseSlowLogRecords",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "StartTime",
                from,
                "EndTime",
                to);
        r.call(
                "swas-open",
                "DescribeDatabaseInstanceMetricData",
                "RegionId",
                R,
                "DatabaseInstanceId",
                db,
                "MetricName",
                "MySQL_Sessions",
                "StartTime",
                from,
                "EndTime",
                to);
    }
    // ---- end of monitoring and agents

    private static void keyPairScenario(Run r, String a, String b) {
        r.call("swas-open", "CreateKeyPair", "RegionId", R, "KeyPairName", "made");
        r.call(
                "swas-open",
                "ImportKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                "imported",
                "PublicKeyBody",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU2 user@example");
        r.call(
                "swas-open",
                "AttachKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                "imported",
                "InstanceIds.1",
                a,
                "InstanceIds.2",
                "ffffffffffffffffffffffffffffffff");
        r.call("swas-open", "ListKeyPairs", "RegionId", R, "PageSize", "10");
        r.call("swas-open", "DetachKeyPair", "RegionId", R, "KeyPairName", "imported", "InstanceIds.1", a);
        r.call("swas-open", "DeleteKeyPairs", "RegionId", R, "KeyPairNames.1", "made", "KeyPairNames.2", "imported");
        r.call("swas-open", "CreateInstanceKeyPair", "RegionId", R, "InstanceId", b, "KeyPairName", "own");
        r.call("swas-open", "DescribeInstanceKeyPair", "RegionId", R, "InstanceId", b);
        r.call(
                "swas-open",
                "UploadInstanceKeyPair",
                "RegionId",
                R,
                "InstanceId",
                b,
                "KeyPairName",
                "uploaded",
                "PublicKey",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU2");
        r.call("swas-open", "DeleteInstanceKeyPair", "RegionId", R, "InstanceId", b);
        r.call("swas-open", "DescribeInstanceKeyPair", "RegionId", R, "InstanceId", b);
        // swasd's request log (an extension): every call above is in it, so its items are checked too
        JsonNode logs = r.call("swas-open", "ListRequestLogs", "ActionName", "ListKeyPairs", "PageSize", "2");
        assertThat(logs.path("RequestLogs").isMissingNode()).isFalse();
    }

    private static void ramScenario(Run r) {
        String policy = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"swas-open:List*\","
                + "\"Resource\":\"*\"}]}";
        r.call("ram", "CreateUser", "UserName", "alice", "DisplayName", "Alice");
        r.call("ram", "GetUser", "UserName", "alice");
        r.call("ram", "UpdateUser", "UserName", "alice", "NewDisplayName", "Alice A");
        r.call("ram", "ListUsers");
        String key = first(r.call("ram", "CreateAccessKey", "UserName", "alice"), "AccessKey", "AccessKeyId");
        r.call("ram", "ListAccessKeys", "UserName", "alice");
        r.call("ram", "UpdateAccessKey", "UserName", "alice", "UserAccessKeyId", key, "Status", "Inactive");
        r.call("ram", "DeleteAccessKey", "UserName", "alice", "UserAccessKeyId", key);
        r.call("ram", "CreateGroup", "GroupName", "devs", "Comments", "developers");
        r.call("ram", "GetGroup", "GroupName", "devs");
        r.call("ram", "ListGroups");
        r.call("ram", "AddUserToGroup", "UserName", "alice", "GroupName", "devs");
        r.call("ram", "ListGroupsForUser", "UserName", "alice");
        r.call("ram", "ListUsersForGroup", "GroupName", "devs");
        r.call("ram", "CreatePolicy", "PolicyName", "ReadSwas", "PolicyDocument", policy, "Description", "reads");
        r.call("ram", "GetPolicy", "PolicyName", "ReadSwas", "PolicyType", "Custom");
        r.call("ram", "ListPolicies", "PolicyType", "Custom");
        r.call("ram", "CreatePolicyVersion", "PolicyName", "ReadSwas", "PolicyDocument", policy);
        r.call("ram", "ListPolicyVersions", "PolicyName", "ReadSwas", "PolicyType", "Custom");
        r.call("ram", "GetPolicyVersion", "PolicyName", "ReadSwas", "PolicyType", "Custom", "VersionId", "v2");
        r.call("ram", "SetDefaultPolicyVersion", "PolicyName", "ReadSwas", "VersionId", "v2");
        r.call("ram", "DeletePolicyVersion", "PolicyName", "ReadSwas", "VersionId", "v1");
        r.call("ram", "AttachPolicyToUser", "PolicyName", "ReadSwas", "PolicyType", "Custom", "UserName", "alice");
        // swasd's policy simulator (an extension): Allow with its MatchedStatement, and an implicit deny without
        JsonNode allowed = r.call(
                "ram",
                "SimulatePrincipalPolicy",
                "PrincipalType",
                "User",
                "PrincipalName",
                "alice",
                "ActionName",
                "swas-open:ListInstances");
        assertThat(allowed.path("MatchedStatement").path("PolicyName").asText()).isEqualTo("ReadSwas");
        r.call(
                "ram",
                "SimulatePrincipalPolicy",
                "PrincipalType",
                "Group",
                "PrincipalName",
                "devs",
                "ActionName",
                "swas-open:StopInstance",
                "ResourceArn",
                "*",
                "SourceIp",
                "192.0.2.1");
        r.call("ram", "AttachPolicyToGroup", "PolicyName", "ReadSwas", "PolicyType", "Custom", "GroupName", "devs");
        r.call("ram", "ListPoliciesForUser", "UserName", "alice");
        r.call("ram", "ListPoliciesForGroup", "GroupName", "devs");
        r.call("ram", "ListEntitiesForPolicy", "PolicyName", "ReadSwas", "PolicyType", "Custom");
        r.call("ram", "DetachPolicyFromUser", "PolicyName", "ReadSwas", "PolicyType", "Custom", "UserName", "alice");
        r.call("ram", "DetachPolicyFromGroup", "PolicyName", "ReadSwas", "PolicyType", "Custom", "GroupName", "devs");
        r.call("ram", "RemoveUserFromGroup", "UserName", "alice", "GroupName", "devs");
        r.call("ram", "DeletePolicy", "PolicyName", "ReadSwas");
        r.call("ram", "DeleteGroup", "GroupName", "devs");
        r.call("ram", "DeleteUser", "UserName", "alice");
    }
}
