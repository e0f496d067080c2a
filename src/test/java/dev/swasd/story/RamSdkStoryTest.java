package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ram20150501.Client;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyResponseBody;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.ram20150501.models.CreateUserResponseBody;
import com.aliyun.ram20150501.models.DeleteAccessKeyRequest;
import com.aliyun.ram20150501.models.ListAccessKeysRequest;
import com.aliyun.ram20150501.models.ListPoliciesForUserRequest;
import com.aliyun.ram20150501.models.ListUsersRequest;
import com.aliyun.ram20150501.models.UpdateAccessKeyRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.Slow;
import dev.swasd.conformance.TeaClient;
import dev.swasd.server.TestServer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RAM story of the issue, with official clients only: root sets up a RAM user, an AccessKey
 * and a custom policy through the typed Java RAM SDK ({@code com.aliyun:ram20150501}); the user
 * then calls SWAS through tea-openapi in both signing modes and can do exactly what the policy
 * allows, and gets 403 Forbidden.RAM with AccessDeniedDetail otherwise.
 */
@Slow
class RamSdkStoryTest {
    static final String POLICY = """
            {"Version": "1", "Statement": [
              {"Effect": "Allow", "Action": "swas-open:ListCustomImages", "Resource": "*"},
              {"Effect": "Allow", "Action": "swas-open:DeleteCustomImages",
               "Resource": "acs:swas-open:*:*:customimage/*",
               "Condition": {"StringEquals": {"acs:ResourceTag/env": "test"}}}]}""";

    private static TestServer server;
    private static Client ram;
    private static TeaClient rootSwas;
    private static String userId;
    private static String keyId;
    private static String secret;

    @BeforeAll
    static void setUp() throws Exception {
        server = TestServer.start();
        ram = ramClient(TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET);
        rootSwas = TeaClient.swas(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");

        CreateUserResponseBody.CreateUserResponseBodyUser user = ram.createUser(new CreateUserRequest()
                        .setUserName("image-cleaner")
                        .setDisplayName("Image cleaner")
                        .setComments("deletes test images"))
                .getBody()
                .getUser();
        userId = user.getUserId();
        assertThat(userId).matches("[1-9][0-9]{15}");
        assertThat(user.getUserName()).isEqualTo("image-cleaner");
        assertThat(user.getCreateDate()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key = ram.createAccessKey(
                        new CreateAccessKeyRequest().setUserName("image-cleaner"))
                .getBody()
                .getAccessKey();
        keyId = key.getAccessKeyId();
        secret = key.getAccessKeySecret();
        assertThat(keyId).matches("LTAI[A-Za-z0-9]{20}");
        assertThat(secret).matches("[A-Za-z0-9]{30}");
        assertThat(key.getStatus()).isEqualTo("Active");

        var created = ram.createPolicy(new CreatePolicyRequest()
                        .setPolicyName("DeleteTestImages")
                        .setPolicyDocument(POLICY)
                        .setDescription("list images, delete those tagged env=test"))
                .getBody()
                .getPolicy();
        assertThat(created.getDefaultVersion()).isEqualTo("v1");
        assertThat(created.getPolicyType()).isEqualTo("Custom");
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("Custom")
                .setPolicyName("DeleteTestImages")
                .setUserName("image-cleaner"));
        var attached = ram.listPoliciesForUser(new ListPoliciesForUserRequest().setUserName("image-cleaner"))
                .getBody()
                .getPolicies()
                .getPolicy();
        assertThat(attached).singleElement().satisfies(p -> {
            assertThat(p.getPolicyName()).isEqualTo("DeleteTestImages");
            assertThat(p.getAttachDate()).endsWith("Z");
        });
    }

    @AfterAll
    static void tearDown() throws Exception {
        server.close();
    }

    static Client ramClient(String id, String key) throws Exception {
        return new Client(new Config()
                .setAccessKeyId(id)
                .setAccessKeySecret(key)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void theUserCanDoExactlyWhatThePolicyAllows(String signing) throws Exception {
        List<String> images = SwasImages.make(rootSwas, 3, "ram-" + signing);
        String test1 = images.get(0);
        String test2 = images.get(1);
        String prod = images.get(2);
        rootSwas.call(
                "TagResources",
                "RegionId",
                SwasImages.R,
                "ResourceType",
                "customimage",
                "ResourceId.1",
                test1,
                "ResourceId.2",
                test2,
                "Tag.1.Key",
                "env",
                "Tag.1.Value",
                "test");
        rootSwas.call(
                "TagResources",
                "RegionId",
                SwasImages.R,
                "ResourceType",
                "customimage",
                "ResourceId.1",
                prod,
                "Tag.1.Key",
                "env",
                "Tag.1.Value",
                "prod");
        TeaClient user = TeaClient.swas(server.endpoint(), keyId, secret, signing);

        // allowed: listing, and deleting an image tagged env=test
        Map<String, Object> listed =
                user.call("ListCustomImages", "RegionId", SwasImages.R, "ImageIds", SwasImages.json(images));
        assertThat(listed.get("TotalCount")).isEqualTo("3");

        // a batch with one image the policy does not cover: denied as a whole, nothing deleted
        TeaException batch = user.error(
                "DeleteCustomImages", "RegionId", SwasImages.R, "ImageIds", SwasImages.json(List.of(test1, prod)));
        String prodArn = "acs:swas-open:cn-hangzhou:" + TestServer.ACCOUNT_ID + ":customimage/" + prod;
        assertDenied(batch, "ImplicitDeny", "swas-open:DeleteCustomImages", prodArn);
        assertThat(SwasImages.existing(rootSwas, images)).containsExactlyInAnyOrderElementsOf(images);

        user.call("DeleteCustomImages", "RegionId", SwasImages.R, "ImageIds", SwasImages.json(List.of(test1)));
        assertThat(SwasImages.existing(rootSwas, images)).containsExactlyInAnyOrder(test2, prod);

        // not in the policy at all
        TeaException other = user.error("ListInstances", "RegionId", SwasImages.R);
        assertDenied(
                other,
                "ImplicitDeny",
                "swas-open:ListInstances",
                "acs:swas-open:cn-hangzhou:" + TestServer.ACCOUNT_ID + ":instance/*");
        TeaException ram = user.error("DeleteCustomImage", "RegionId", SwasImages.R, "ImageId", test2);
        assertThat(ram.getCode()).isEqualTo("Forbidden.RAM");

        // ListRegions needs no permission
        assertThat(user.call("ListRegions")).containsKey("Regions");
    }

    @Test
    void anExplicitDenyWinsAndNamesItself() throws Exception {
        ram.createUser(new CreateUserRequest().setUserName("denied-user"));
        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName("denied-user"))
                .getBody()
                .getAccessKey();
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("System")
                .setPolicyName("AliyunSWASFullAccess")
                .setUserName("denied-user"));
        ram.createPolicy(
                new CreatePolicyRequest()
                        .setPolicyName("NoListing")
                        .setPolicyDocument(
                                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"swas-open:ListCustom*\",\"Resource\":\"*\"}]}"));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("Custom")
                .setPolicyName("NoListing")
                .setUserName("denied-user"));
        TeaClient user = TeaClient.swas(server.endpoint(), key.getAccessKeyId(), key.getAccessKeySecret(), "v3");
        TeaException e = user.error("ListCustomImages", "RegionId", SwasImages.R);
        JsonNode diagnostic = assertDenied(e, "ExplicitDeny", "swas-open:ListCustomImages", "*");
        assertThat(diagnostic.path("DeniedBy").path("PolicyName").asText()).isEqualTo("NoListing");
        assertThat(diagnostic.path("DeniedBy").path("PolicyType").asText()).isEqualTo("Custom");
        // the system policy still allows what the deny does not cover
        assertThat(user.call("ListPlans", "RegionId", SwasImages.R)).containsKey("Plans");
    }

    @Test
    void anInactiveKeyFailsAuthentication() throws Exception {
        ram.createUser(new CreateUserRequest().setUserName("paused-user"));
        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName("paused-user"))
                .getBody()
                .getAccessKey();
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("System")
                .setPolicyName("AliyunSWASReadOnlyAccess")
                .setUserName("paused-user"));
        TeaClient user = TeaClient.swas(server.endpoint(), key.getAccessKeyId(), key.getAccessKeySecret(), "v3");
        assertThat(user.call("ListPlans", "RegionId", SwasImages.R)).containsKey("Plans");
        ram.updateAccessKey(new UpdateAccessKeyRequest()
                .setUserName("paused-user")
                .setUserAccessKeyId(key.getAccessKeyId())
                .setStatus("Inactive"));
        TeaException e = user.error("ListPlans", "RegionId", SwasImages.R);
        assertThat(e.getCode()).isEqualTo("InvalidAccessKeyId.Inactive");
        assertThat(e.getStatusCode()).isEqualTo(400);
        ram.updateAccessKey(new UpdateAccessKeyRequest()
                .setUserName("paused-user")
                .setUserAccessKeyId(key.getAccessKeyId())
                .setStatus("Active"));
        assertThat(user.call("ListPlans", "RegionId", SwasImages.R)).containsKey("Plans");
    }

    @Test
    void aUserManagesItsOwnKeysWithTheDocumentedPolicy() throws Exception {
        ram.createUser(new CreateUserRequest().setUserName("alice"));
        ram.createUser(new CreateUserRequest().setUserName("bob"));
        ram.createPolicy(new CreatePolicyRequest().setPolicyName("OwnKeys").setPolicyDocument("""
                {"Version": "1", "Statement": [{"Effect": "Allow", "Resource": "acs:ram:*:*:user/alice",
                  "Action": ["ram:CreateAccessKey", "ram:ListAccessKeys", "ram:UpdateAccessKey",
                             "ram:DeleteAccessKey"]}]}"""));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("Custom")
                .setPolicyName("OwnKeys")
                .setUserName("alice"));
        var first = ram.createAccessKey(new CreateAccessKeyRequest().setUserName("alice"))
                .getBody()
                .getAccessKey();
        Client alice = ramClient(first.getAccessKeyId(), first.getAccessKeySecret());
        // without UserName the actions are about the caller itself
        var second =
                alice.createAccessKey(new CreateAccessKeyRequest()).getBody().getAccessKey();
        assertThat(alice.listAccessKeys(new ListAccessKeysRequest())
                        .getBody()
                        .getAccessKeys()
                        .getAccessKey())
                .hasSize(2);
        alice.deleteAccessKey(new DeleteAccessKeyRequest().setUserAccessKeyId(second.getAccessKeyId()));
        TeaException other = Assertions.assertThrows(
                TeaException.class, () -> alice.createAccessKey(new CreateAccessKeyRequest().setUserName("bob")));
        assertThat(other.getCode()).isEqualTo("NoPermission");
        assertThat(other.getAccessDeniedDetail()).containsEntry("AuthAction", "ram:CreateAccessKey");
        assertThat(other.getMessage()).contains("acs:ram:*:" + TestServer.ACCOUNT_ID + ":user/bob");
        TeaException users = Assertions.assertThrows(TeaException.class, () -> alice.listUsers(new ListUsersRequest()));
        assertThat(users.getCode()).isEqualTo("NoPermission");
    }

    @Test
    void aDenialInXmlCarriesTheSameDetail() throws Exception {
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", keyId, secret));
        CommonRequest request = new CommonRequest();
        request.setSysDomain(server.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion("2020-06-01");
        request.setSysAction("ListPlans");
        request.putQueryParameter("RegionId", "cn-hangzhou");
        request.setSysAccept(FormatType.XML);
        HttpResponse response = client.doAction(request.buildRequest());
        String xml = response.getHttpContentString();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(xml)
                .startsWith("<?xml")
                .contains("<Code>Forbidden.RAM</Code>")
                .contains("<AccessDeniedDetail>")
                .contains("<NoPermissionType>ImplicitDeny</NoPermissionType>")
                .contains("<AuthAction>swas-open:ListPlans</AuthAction>")
                .contains("<AuthPrincipalDisplayName>" + userId + "</AuthPrincipalDisplayName>")
                .contains("<AuthPrincipalType>SubUser</AuthPrincipalType>");
        client.shutdown();
    }

    /** Checks the 403 and its AccessDeniedDetail; returns the decoded diagnostic message. */
    static JsonNode assertDenied(TeaException e, String type, String action, String resource) throws Exception {
        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getCode()).isEqualTo("Forbidden.RAM");
        assertThat(e.getMessage()).contains(action).contains(resource);
        Map<String, Object> detail = e.getAccessDeniedDetail();
        assertThat(detail).isNotNull();
        assertThat(detail.get("NoPermissionType")).isEqualTo(type);
        assertThat(detail.get("AuthAction")).isEqualTo(action);
        assertThat(detail.get("PolicyType")).isEqualTo("AccountLevelIdentityBasedPolicy");
        assertThat(detail.get("AuthPrincipalType")).isEqualTo("SubUser");
        assertThat(detail.get("AuthPrincipalOwnerId")).isEqualTo(TestServer.ACCOUNT_ID);
        assertThat((String) detail.get("AuthPrincipalDisplayName")).matches("[1-9][0-9]{15}");
        JsonNode diagnostic = new ObjectMapper()
                .readTree(Base64.getDecoder().decode((String) detail.get("EncodedDiagnosticMessage")));
        assertThat(diagnostic.path("AuthAction").asText()).isEqualTo(action);
        assertThat(diagnostic.path("AuthResource").asText()).isEqualTo(resource);
        assertThat(diagnostic.path("NoPermissionType").asText()).isEqualTo(type);
        assertThat(diagnostic
                        .path("AuthConditions")
                        .path("acs:SourceIp")
                        .path(0)
                        .asText())
                .isEqualTo("127.0.0.1");
        assertThat(diagnostic
                        .path("AuthConditions")
                        .path("acs:MFAPresent")
                        .path(0)
                        .asText())
                .isEqualTo("false");
        return diagnostic;
    }
}
