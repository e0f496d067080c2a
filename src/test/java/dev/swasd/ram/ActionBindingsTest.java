package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.OperationDef;
import dev.swasd.catalog.ParamDef;
import dev.swasd.catalog.ParamKind;
import dev.swasd.catalog.Product;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ActionBindingsTest {
    private static final String REGION = "cn-hangzhou";
    private static final String ACCOUNT = "1234567890123456";
    private static final String PREFIX = "acs:swas-open:cn-hangzhou:1234567890123456:";
    private static final Product SWAS = Catalog.standard().product("swas-open");
    private static final ActionBindings BINDINGS = ActionBindings.swasOpen();

    static Stream<String> everyCatalogAction() {
        return SWAS.operations().keySet().stream();
    }

    @Test
    void everyCatalogActionHasExactlyOneBinding() {
        assertThat(SWAS.operations())
                .as("98 of the SDK model and the CreateDisk and ListRequestLogs extensions")
                .hasSize(100);
        assertThat(BINDINGS.all())
                .extracting(ActionBinding::apiName)
                .containsExactlyInAnyOrderElementsOf(SWAS.operations().keySet());
    }

    /**
     * Fills every parameter of the action with a recognisable value (lists get two ids) and checks
     * the ARNs: well formed, in the request's region and account, one per id of the named list.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCatalogAction")
    void everyActionBuildsWellFormedArns(String api) {
        ActionBinding b = BINDINGS.require(api);
        assertThat(b.ramAction()).isEqualTo("swas-open:" + api);
        assertThat(b.accessLevel().wireName())
                .as("the catalog's access level of %s", api)
                .isEqualTo(SWAS.operation(api).accessLevel());
        Map<String, Object> params = sampleParams(SWAS.operation(api));
        List<String> arns = b.resourceArns(REGION, ACCOUNT, params);
        switch (b.scope()) {
            case NONE -> assertThat(arns).isEmpty();
            case ALL_RESOURCES -> assertThat(arns).containsExactly("*");
            case RESOURCE_LEVEL -> {
                assertThat(arns).isNotEmpty().doesNotHaveDuplicates().allSatisfy(arn -> {
                    assertThat(arn).startsWith(PREFIX).doesNotContain("{", "}", "#");
                    assertThat(arn.substring(PREFIX.length())).isNotEmpty();
                });
                for (ArnTemplate t : b.arnTemplates()) {
                    if (t.namesParameters()) {
                        assertThat(arns)
                                .as("an ARN per id of %s", t)
                                .anySatisfy(a -> assertThat(a).endsWith("-2"));
                    }
                }
            }
        }
    }

    @Test
    void onlyListRegionsSkipsAuthorization() {
        assertThat(BINDINGS.all())
                .filteredOn(b -> !b.requiresAuthorization())
                .extracting(ActionBinding::apiName)
                .containsExactly("ListRegions");
        assertThat(BINDINGS.resourceArns("ListRegions", REGION, ACCOUNT, Map.of()))
                .isEmpty();
    }

    @Test
    void deleteCustomImagesGivesOneArnPerImageId() {
        assertThat(BINDINGS.resourceArns(
                        "DeleteCustomImages",
                        REGION,
                        ACCOUNT,
                        Map.of("RegionId", REGION, "ImageIds", List.of("m-img0001", "m-img0002"))))
                .containsExactly(PREFIX + "customimage/m-img0001", PREFIX + "customimage/m-img0002");
        ActionBinding b = BINDINGS.require("DeleteCustomImages");
        assertThat(b.accessLevel()).isEqualTo(AccessLevel.DELETE);
        assertThat(b.documented()).isTrue();
        assertThat(b.resourceType()).contains("CustomImage");
    }

    @Test
    void repeatedIdsGiveOneArn() {
        assertThat(BINDINGS.resourceArns(
                        "DeleteCustomImages", REGION, ACCOUNT, Map.of("ImageIds", List.of("m-a", "m-b", "m-a"))))
                .containsExactly(PREFIX + "customimage/m-a", PREFIX + "customimage/m-b");
    }

    @Test
    void singleImageActions() {
        assertThat(BINDINGS.resourceArns("DeleteCustomImage", REGION, ACCOUNT, Map.of("ImageId", "m-img0001")))
                .containsExactly(PREFIX + "customimage/m-img0001");
        assertThat(BINDINGS.resourceArns(
                        "ModifyImageShareStatus",
                        REGION,
                        ACCOUNT,
                        Map.of("ImageId", "m-img0001", "Operation", "Share")))
                .containsExactly(PREFIX + "customimage/m-img0001");
        assertThat(BINDINGS.require("ModifyImageShareStatus").accessLevel()).isEqualTo(AccessLevel.UPDATE);
    }

    @Test
    void listCustomImagesHasNoResourceLevelPermission() {
        ActionBinding b = BINDINGS.require("ListCustomImages");
        assertThat(b.scope()).isEqualTo(AuthorizationScope.ALL_RESOURCES);
        assertThat(b.resourceArns(REGION, ACCOUNT, Map.of("ImageIds", List.of("m-1"))))
                .containsExactly("*");
    }

    @Test
    void createCustomImageUsesTheTypeWildcard() {
        assertThat(BINDINGS.resourceArns(
                        "CreateCustomImage",
                        REGION,
                        ACCOUNT,
                        Map.of("InstanceId", "ace0706b2ac4454d984295a94213aaaa", "ImageName", "img")))
                .containsExactly(PREFIX + "customimage/*");
        assertThat(BINDINGS.require("CreateCustomImage").accessLevel()).isEqualTo(AccessLevel.CREATE);
    }

    @Test
    void startInstancesIsPrefixlessAsPublished() {
        assertThat(BINDINGS.resourceArns(
                        "StartInstances", REGION, ACCOUNT, Map.of("InstanceIds", List.of("i-1", "i-2"))))
                .containsExactly(PREFIX + "i-1", PREFIX + "i-2");
        assertThat(BINDINGS.resourceArns("StartInstance", REGION, ACCOUNT, Map.of("InstanceId", "i-1")))
                .containsExactly(PREFIX + "instance/i-1");
    }

    @Test
    void listInstancesWithoutIdsUsesTheTypeWildcard() {
        assertThat(BINDINGS.resourceArns("ListInstances", REGION, ACCOUNT, Map.of()))
                .containsExactly(PREFIX + "instance/*");
        assertThat(BINDINGS.resourceArns("ListInstances", REGION, ACCOUNT, Map.of("InstanceIds", List.of())))
                .containsExactly(PREFIX + "instance/*");
        assertThat(BINDINGS.resourceArns("ListInstances", REGION, ACCOUNT, Map.of("InstanceIds", List.of("i-1"))))
                .containsExactly(PREFIX + "instance/i-1");
    }

    @Test
    void anOmittedOptionalIdListWithoutATypeWildcardBecomesStar() {
        assertThat(BINDINGS.resourceArns("ListInstanceStatus", REGION, ACCOUNT, Map.of()))
                .containsExactly(PREFIX + "*");
        assertThat(BINDINGS.resourceArns("DeleteFirewallRules", REGION, ACCOUNT, Map.of("InstanceId", "i-1")))
                .containsExactly(PREFIX + "firewallrule/*");
    }

    @Test
    void placeholdersFallBackToThePluralParameter() {
        assertThat(BINDINGS.resourceArns(
                        "InstallCloudAssistant", REGION, ACCOUNT, Map.of("InstanceIds", List.of("i-1", "i-2"))))
                .containsExactly(PREFIX + "instance/i-1", PREFIX + "instance/i-2");
    }

    @Test
    void accountKeyPairActionsAreAuthorizedOnAllResources() {
        // shared/spec/swas-breadth.md section 5: "* all resources", not keypair/{#KeyPairName}
        for (String action : List.of(
                "CreateKeyPair", "ImportKeyPair", "AttachKeyPair", "DetachKeyPair", "DeleteKeyPairs", "ListKeyPairs")) {
            assertThat(BINDINGS.resourceArns(
                            action, REGION, ACCOUNT, Map.of("KeyPairName", "k1", "KeyPairNames", List.of("k1", "k2"))))
                    .as(action)
                    .containsExactly("*");
        }
        assertThat(BINDINGS.resourceArns("UploadInstanceKeyPair", REGION, ACCOUNT, Map.of("InstanceId", "i-1")))
                .containsExactly(PREFIX + "instance/i-1");
    }

    // ---- monitoring and agents (issue 19): swas-breadth.md section 5 rows
    @Test
    void monitoringAndAgentRowsFollowSectionFive() {
        ArrayNode ids = new ObjectMapper().createArrayNode().add("i-1").add("i-2");
        assertThat(BINDINGS.resourceArns("DescribeCloudAssistantStatus", REGION, ACCOUNT, Map.of("InstanceIds", ids)))
                .containsExactly(PREFIX + "instance/i-1", PREFIX + "instance/i-2");
        assertThat(BINDINGS.resourceArns("DescribeCloudAssistantStatus", REGION, ACCOUNT, Map.of()))
                .containsExactly(PREFIX + "instance/*");
        assertThat(BINDINGS.resourceArns(
                        "DescribeCloudMonitorAgentStatuses",
                        REGION,
                        ACCOUNT,
                        Map.of("InstanceIds", List.of("i-1", "i-2"))))
                .as("published without the instance/ prefix")
                .containsExactly(PREFIX + "i-1", PREFIX + "i-2");
        assertThat(BINDINGS.resourceArns("DescribeMonitorData", REGION, ACCOUNT, Map.of("InstanceId", "i-1")))
                .containsExactly(PREFIX + "instance/i-1");
    }
    // ---- end of monitoring and agents

    @Test
    void tagResourcesUsesTheResourceTypeAsTheArnType() {
        assertThat(BINDINGS.resourceArns(
                        "TagResources",
                        REGION,
                        ACCOUNT,
                        Map.of("ResourceType", "snapshot", "ResourceId", List.of("s-1", "s-2"))))
                .containsExactly(PREFIX + "snapshot/s-1", PREFIX + "snapshot/s-2");
    }

    @Test
    void jsonEncodedAndNumericParametersAreAccepted() {
        ArrayNode ids = new ObjectMapper().createArrayNode().add("i-1").add("i-2");
        assertThat(BINDINGS.resourceArns("InstallCloudAssistant", REGION, ACCOUNT, Map.of("InstanceIds", ids)))
                .containsExactly(PREFIX + "instance/i-1", PREFIX + "instance/i-2");
    }

    @Test
    void updateDiskAttributeKeepsThePublishedInstanceType() {
        assertThat(BINDINGS.resourceArns(
                        "UpdateDiskAttribute", REGION, ACCOUNT, Map.of("DiskId", "d-1", "Remark", "r")))
                .containsExactly(PREFIX + "instance/d-1");
    }

    @Test
    void arnsFromBindingsFeedTheEvaluator() {
        List<String> arns = BINDINGS.resourceArns(
                "DeleteCustomImages", REGION, ACCOUNT, Map.of("ImageIds", List.of("m-img0001", "m-img0002")));
        PolicyDocument onlyFirst = PolicyParser.parse("""
                {"Version":"1","Statement":[{"Effect":"Allow","Action":"swas-open:DeleteCustomImages",
                 "Resource":"acs:swas-open:*:*:customimage/m-img0001"}]}""");
        Evaluation e = PolicyEvaluator.evaluate(
                AuthorizationRequest.ofRamUser(
                        BINDINGS.require("DeleteCustomImages").ramAction(), arns, RequestContext.EMPTY),
                List.of(new NamedPolicy("p", onlyFirst)));
        assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(e.deniedResource()).contains(PREFIX + "customimage/m-img0002");
    }

    @Test
    void loadingRefusesAFileThatDisagreesWithTheCatalog() throws Exception {
        JsonNode good = readBindingsFile();

        ObjectNode unknownPlaceholder = good.deepCopy();
        ((ArrayNode) actionRow(unknownPlaceholder, "DeleteCustomImage").get("arnTemplates"))
                .removeAll()
                .add("acs:swas-open:{#regionId}:{#accountId}:customimage/{#ImageName}");
        assertThatThrownBy(() -> ActionBindings.parse(SWAS, unknownPlaceholder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DeleteCustomImage")
                .hasMessageContaining("{#ImageName}");

        ObjectNode missing = good.deepCopy();
        ArrayNode rows = (ArrayNode) missing.get("actions");
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).path("action").asText().equals("StopInstance")) {
                rows.remove(i);
                break;
            }
        }
        assertThatThrownBy(() -> ActionBindings.parse(SWAS, missing))
                .hasMessageContaining("StopInstance has no RAM binding");

        ObjectNode inconsistent = good.deepCopy();
        ((ObjectNode) actionRow(inconsistent, "ListImages")).put("authorization", "resource");
        assertThatThrownBy(() -> ActionBindings.parse(SWAS, inconsistent)).hasMessageContaining("ListImages");
    }

    private static JsonNode readBindingsFile() throws Exception {
        try (InputStream in = ActionBindings.class.getResourceAsStream(ActionBindings.SWAS_OPEN_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode actionRow(JsonNode root, String api) {
        for (JsonNode row : root.get("actions")) {
            if (row.path("action").asText().equals(api)) {
                return row;
            }
        }
        throw new AssertionError(api);
    }

    /** A value of the parameter's catalog type; lists hold two ids ending in -1 and -2. */
    private static Map<String, Object> sampleParams(OperationDef op) {
        Map<String, Object> params = new HashMap<>();
        for (ParamDef p : op.params()) {
            String base = p.name().toLowerCase();
            Object value = switch (p.kind()) {
                case STRING ->
                    p.enumValues().isEmpty() ? base + "-2" : p.enumValues().get(0);
                case INTEGER -> 2L;
                case BOOLEAN -> Boolean.TRUE;
                case JSON_ARRAY, COMMA_LIST, REPEAT_LIST ->
                    p.itemType() == ParamKind.INTEGER ? List.of(1L, 2L) : List.of(base + "-1", base + "-2");
                case JSON_VALUE ->
                    new ObjectMapper().createArrayNode().add(base + "-1").add(base + "-2");
                case REPEAT_OBJECT_LIST -> List.of(Map.of("Key", "k", "Value", "v"));
                case FLATTENED_OBJECT -> Map.of("Password", "x");
            };
            params.put(p.name(), value);
        }
        return params;
    }
}
