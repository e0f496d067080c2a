package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.swasd.server.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key pair family through the official generic Java client {@code tea-openapi}, in ACS3 and
 * V1 signing: ListKeyPairs by {@code GET} as the SDK sends it (its one GET action), every other
 * action by {@code POST}, lists in the repeat form ({@code InstanceIds.N}, {@code KeyPairNames.N})
 * as the SDK models them; a user's whole script from create or import to clean-up, every error
 * code of the family, and RAM as swas-breadth.md section 5 documents it.
 */
class KeyPairConformanceTest {
    static final String R = "cn-hangzhou";
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU2";
    static final String ED25519_MD5 = "e9:0f:0c:ea:f8:98:b1:9a:43:68:c6:5e:51:f8:42:77";
    static final String NO_SERVER = "00000000000000000000000000000000";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Client client(String keyId, String secret, String signing) throws Exception {
        Config config = new Config()
                .setAccessKeyId(keyId)
                .setAccessKeySecret(secret)
                .setEndpoint(server.endpoint())
                .setProtocol("http");
        if (signing.equals("v1")) {
            config.setSignatureAlgorithm("v2");
        }
        return new Client(config);
    }

    /** One call as the SDK makes it: GET for ListKeyPairs, else POST; parameters in the query. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> call(Client c, String action, Object... kv) throws Exception {
        Map<String, String> query = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            query.put((String) kv[i], kv[i + 1].toString());
        }
        Params params = new Params()
                .setAction(action)
                .setVersion("2020-06-01")
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod(action.equals("ListKeyPairs") ? "GET" : "POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        Map<String, ?> response = c.callApi(params, new OpenApiRequest().setQuery(query), new RuntimeOptions());
        assertThat(response.get("statusCode")).isEqualTo(200);
        return (Map<String, Object>) response.get("body");
    }

    static void fails(Client c, int status, String code, String message, String action, Object... kv) {
        TeaException e = catchThrowableOfType(TeaException.class, () -> call(c, action, kv));
        assertThat(e).as("%s answers an error", action).isNotNull();
        assertThat(e.getStatusCode()).as(action).isEqualTo(status);
        assertThat(e.getCode()).as(action).isEqualTo(code);
        if (message != null) {
            assertThat(e.getMessage()).contains(message);
        }
    }

    static int num(Object n) {
        assertThat(n).isInstanceOf(Number.class);
        return ((Number) n).intValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> pairs(Client c) throws Exception {
        return (List<Map<String, Object>>)
                call(c, "ListKeyPairs", "RegionId", R, "PageSize", 50).get("KeyPairs");
    }

    static Map<String, Object> pair(Client c, String name) throws Exception {
        return pairs(c).stream()
                .filter(p -> name.equals(p.get("KeyPairName")))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    static String newServer(Client c, String platform) throws Exception {
        String image = ((List<Map<String, Object>>) call(c, "ListImages", "RegionId", R, "ImageType", "system")
                        .get("Images"))
                .stream()
                        .filter(i -> platform.equals(i.get("Platform")))
                        .findFirst()
                        .orElseThrow()
                        .get("ImageId")
                        .toString();
        return ((List<String>) call(
                                c,
                                "CreateInstances",
                                "RegionId",
                                R,
                                "ImageId",
                                image,
                                "PlanId",
                                "swas.s2.c2m2s40b3t08",
                                "Period",
                                1,
                                "Amount",
                                1)
                        .get("InstanceIds"))
                .getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    @SuppressWarnings("unchecked")
    void aUsersScriptCreatesImportsAttachesAndCleansUp(String signing) throws Exception {
        Client c = client(TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, signing);
        String made = signing + "-made";
        String laptop = signing + "-laptop";
        String a = newServer(c, "Linux");
        String b = newServer(c, "Linux");

        Map<String, Object> created = call(c, "CreateKeyPair", "RegionId", R, "KeyPairName", made);
        assertThat(created).containsOnlyKeys("RequestId", "KeyPairName", "PrivateKeyBody");
        assertThat((String) created.get("PrivateKeyBody")).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(call(
                        c,
                        "ImportKeyPair",
                        "RegionId",
                        R,
                        "KeyPairName",
                        laptop,
                        "PublicKeyBody",
                        ED25519 + " me@host"))
                .containsOnlyKeys("RequestId", "KeyPairName")
                .containsEntry("KeyPairName", laptop);

        Map<String, Object> attached = call(
                c,
                "AttachKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                laptop,
                "InstanceIds.1",
                a,
                "InstanceIds.2",
                b,
                "InstanceIds.3",
                NO_SERVER);
        assertThat(num(attached.get("TotalCount"))).isEqualTo(3);
        assertThat(num(attached.get("FailCount"))).isEqualTo(1);
        List<Map<String, Object>> results = (List<Map<String, Object>>) attached.get("Results");
        assertThat(results.getFirst())
                .isEqualTo(Map.of("InstanceId", a, "Code", "200", "Message", "success", "Success", "true"));
        assertThat(results.get(2))
                .containsEntry("InstanceId", NO_SERVER)
                .containsEntry("Success", "false")
                .containsEntry("Code", "InvalidInstanceId.NotFound");

        Map<String, Object> listed = pair(c, laptop);
        assertThat(listed)
                .containsOnlyKeys("KeyPairName", "PublicKey", "CreationTime", "InstanceIds")
                .containsEntry("PublicKey", ED25519);
        assertThat((List<String>) listed.get("InstanceIds")).containsExactlyInAnyOrder(a, b);
        assertThat((String) listed.get("CreationTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ");
        Map<String, Object> one = call(c, "ListKeyPairs", "RegionId", R, "KeyPairName", made);
        assertThat(num(one.get("TotalCount"))).isEqualTo(1);
        assertThat(num(one.get("PageNumber"))).isEqualTo(1);
        assertThat(num(one.get("PageSize"))).isEqualTo(10);

        // one pair per server: made replaces laptop on b
        call(c, "AttachKeyPair", "RegionId", R, "KeyPairName", made, "InstanceIds.1", b);
        assertThat((List<String>) pair(c, laptop).get("InstanceIds")).containsExactly(a);
        assertThat(call(c, "DescribeInstanceKeyPair", "RegionId", R, "InstanceId", a))
                .containsEntry("KeyPairName", laptop)
                .containsEntry("Fingerprint", ED25519_MD5);

        fails(
                c,
                400,
                "InvalidParameter.KeypairAlreadyAttachedInstance",
                "The specified keyPair attached to instances can not be deleted.",
                "DeleteKeyPairs",
                "RegionId",
                R,
                "KeyPairNames.1",
                made,
                "KeyPairNames.2",
                laptop);
        Map<String, Object> detached =
                call(c, "DetachKeyPair", "RegionId", R, "KeyPairName", laptop, "InstanceIds.1", a, "InstanceIds.2", b);
        assertThat(num(detached.get("FailCount"))).isEqualTo(1);
        assertThat((List<Map<String, Object>>) detached.get("Results"))
                .extracting(r -> r.get("Code"))
                .containsExactly("200", "InvalidKeyPairName.NotAttached");
        call(c, "DetachKeyPair", "RegionId", R, "KeyPairName", made, "InstanceIds.1", b);
        call(c, "DeleteKeyPairs", "RegionId", R, "KeyPairNames.1", made, "KeyPairNames.2", laptop);
        assertThat(pairs(c)).extracting(p -> p.get("KeyPairName")).doesNotContain(made, laptop);

        // the per-server actions on the same slot
        String own = signing + "-own";
        Map<String, Object> mine = call(c, "CreateInstanceKeyPair", "RegionId", R, "InstanceId", a, "KeyPairName", own);
        assertThat(mine).containsOnlyKeys("RequestId", "KeyPairName", "Fingerprint", "PrivateKey");
        assertThat(call(c, "DescribeInstanceKeyPair", "RegionId", R, "InstanceId", a))
                .containsEntry("Fingerprint", mine.get("Fingerprint"))
                .containsEntry("KeyPairName", own);
        call(c, "UploadInstanceKeyPair", "RegionId", R, "InstanceId", a, "KeyPairName", laptop, "PublicKey", ED25519);
        assertThat(call(c, "DescribeInstanceKeyPair", "RegionId", R, "InstanceId", a))
                .containsEntry("KeyPairName", laptop)
                .containsEntry("Fingerprint", ED25519_MD5);
        call(c, "DeleteInstanceKeyPair", "RegionId", R, "InstanceId", a);
        assertThat(call(c, "DescribeInstanceKeyPair", "RegionId", R, "InstanceId", a))
                .containsOnlyKeys("RequestId");
        call(c, "DeleteKeyPairs", "RegionId", R, "KeyPairNames.1", own, "KeyPairNames.2", laptop);
        assertThat(pairs(c)).extracting(p -> p.get("KeyPairName")).doesNotContain(own, laptop);
    }

    @Test
    void aRetryWithItsClientTokenGetsTheSamePrivateKeyAndMakesNoSecondPair() throws Exception {
        Client c = client(TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3");
        Map<String, Object> first =
                call(c, "CreateKeyPair", "RegionId", R, "KeyPairName", "retried", "ClientToken", "create-retried-1");
        Map<String, Object> again =
                call(c, "CreateKeyPair", "RegionId", R, "KeyPairName", "retried", "ClientToken", "create-retried-1");
        assertThat(again.get("PrivateKeyBody")).isEqualTo(first.get("PrivateKeyBody"));
        assertThat(pairs(c)).extracting(p -> p.get("KeyPairName")).containsOnlyOnce("retried");
        fails(c, 400, "KeyPair.AlreadyExist", null, "CreateKeyPair", "RegionId", R, "KeyPairName", "retried");
        call(c, "DeleteKeyPairs", "RegionId", R, "KeyPairNames.1", "retried");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void everyErrorCodeOfTheFamily(String signing) throws Exception {
        Client c = client(TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, signing);
        String p = signing + "-e";
        String linux = newServer(c, "Linux");
        String windows = newServer(c, "Windows");
        call(c, "ImportKeyPair", "RegionId", R, "KeyPairName", p + "0", "PublicKeyBody", ED25519);
        fails(
                c,
                400,
                "KeyPair.AlreadyExist",
                "The key pair already exist.",
                "CreateKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                p + "0");
        fails(
                c,
                400,
                "InvalidKeyPairName.Malformed",
                "Specified Key Pair name is not valid.",
                "CreateKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                "9" + p);
        fails(c, 400, "InvalidParameter", "KeyPairName", "CreateKeyPair", "RegionId", R, "KeyPairName", "k");
        fails(c, 400, "MissingKeyPairName", null, "CreateKeyPair", "RegionId", R);
        fails(
                c,
                400,
                "InvalidPublicKeyBody.Malformed",
                "The PublicKeyBody format is not supported.",
                "ImportKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                p + "x",
                "PublicKeyBody",
                "ssh-rsa AAAAC3NzaC1lZDI1NTE5");
        fails(c, 400, "MissingPublicKeyBody", null, "ImportKeyPair", "RegionId", R, "KeyPairName", p + "x");
        fails(
                c,
                404,
                "InvalidKeyPairName.NotFound",
                "The specified KeyPairName does not exist in our records.",
                "AttachKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                p + "nope",
                "InstanceIds.1",
                linux);
        fails(
                c,
                404,
                "InvalidKeyPairName.NotFound",
                null,
                "DetachKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                p + "nope",
                "InstanceIds.1",
                linux);
        fails(
                c,
                404,
                "InvalidKeyPairName.NotFound",
                null,
                "DeleteKeyPairs",
                "RegionId",
                R,
                "KeyPairNames.1",
                p + "0",
                "KeyPairNames.2",
                p + "nope");
        fails(c, 400, "MissingInstanceIds", null, "AttachKeyPair", "RegionId", R, "KeyPairName", p + "0");
        fails(
                c,
                403,
                "DependencyViolation.WindowsInstance",
                "The instance creating is windows, cannot use ssh key pair to login",
                "CreateInstanceKeyPair",
                "RegionId",
                R,
                "InstanceId",
                windows,
                "KeyPairName",
                p + "w");
        fails(
                c,
                403,
                "DependencyViolation.WindowsInstance",
                null,
                "UploadInstanceKeyPair",
                "RegionId",
                R,
                "InstanceId",
                windows,
                "KeyPairName",
                p + "w",
                "PublicKey",
                ED25519);
        fails(
                c,
                404,
                "InvalidInstanceId.NotFound",
                "The specified InstanceId does not exist.",
                "DescribeInstanceKeyPair",
                "RegionId",
                R,
                "InstanceId",
                NO_SERVER);
        fails(
                c,
                400,
                "MissingPublicKey",
                null,
                "UploadInstanceKeyPair",
                "RegionId",
                R,
                "InstanceId",
                linux,
                "KeyPairName",
                p + "u");
        fails(c, 400, "InvalidParameter", "PageSize", "ListKeyPairs", "RegionId", R, "PageSize", 101);
        fails(c, 400, "InvalidRegionId", null, "ListKeyPairs", "RegionId", "xx-nowhere-1");
        for (int i = 1; i < 10; i++) {
            call(c, "ImportKeyPair", "RegionId", R, "KeyPairName", p + i, "PublicKeyBody", ED25519);
        }
        fails(
                c,
                403,
                "QuotaExceed.KeyPair",
                "The key pair quota exceeds.",
                "ImportKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                p + "10",
                "PublicKeyBody",
                ED25519);
        Object[] names = new Object[22];
        names[0] = "RegionId";
        names[1] = R;
        for (int i = 0; i < 10; i++) {
            names[2 + 2 * i] = "KeyPairNames." + (i + 1);
            names[3 + 2 * i] = p + i;
        }
        call(c, "DeleteKeyPairs", names);
        assertThat(pairs(c)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v1"})
    void ramChecksAccountPairsOnAllResourcesAndUploadOnTheServer(String signing) throws Exception {
        Client root = client(TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, signing);
        String a = newServer(root, "Linux");
        String b = newServer(root, "Linux");
        com.aliyun.ram20150501.Client ram = new com.aliyun.ram20150501.Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
        String user = "keys-" + signing;
        ram.createUser(new CreateUserRequest().setUserName(user));
        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName(user))
                .getBody()
                .getAccessKey();
        // key pairs have no resource-level permission: a keypair/* ARN grants nothing, "*" grants all
        String policy = "Keys" + signing;
        ram.createPolicy(new CreatePolicyRequest()
                .setPolicyName(policy)
                .setPolicyDocument("{\"Version\": \"1\", \"Statement\": ["
                        + "{\"Effect\": \"Allow\", \"Action\": \"swas-open:ImportKeyPair\", \"Resource\": "
                        + "\"acs:swas-open:*:*:keypair/*\"},"
                        + "{\"Effect\": \"Allow\", \"Action\": [\"swas-open:CreateKeyPair\", \"swas-open:ListKeyPairs\","
                        + " \"swas-open:DeleteKeyPairs\"], \"Resource\": \"*\"},"
                        + "{\"Effect\": \"Allow\", \"Action\": \"swas-open:UploadInstanceKeyPair\", \"Resource\": "
                        + "\"acs:swas-open:*:*:instance/" + a + "\"}]}"));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setPolicyType("Custom")
                .setPolicyName(policy)
                .setUserName(user));
        Client c = client(key.getAccessKeyId(), key.getAccessKeySecret(), signing);
        String name = signing + "-ram";
        fails(
                c,
                403,
                "Forbidden.RAM",
                null,
                "ImportKeyPair",
                "RegionId",
                R,
                "KeyPairName",
                name,
                "PublicKeyBody",
                ED25519);
        call(c, "CreateKeyPair", "RegionId", R, "KeyPairName", name);
        assertThat(pairs(c)).extracting(p -> p.get("KeyPairName")).contains(name);
        fails(c, 403, "Forbidden.RAM", null, "AttachKeyPair", "RegionId", R, "KeyPairName", name, "InstanceIds.1", a);
        call(
                c,
                "UploadInstanceKeyPair",
                "RegionId",
                R,
                "InstanceId",
                a,
                "KeyPairName",
                signing + "-up",
                "PublicKey",
                ED25519);
        fails(
                c,
                403,
                "Forbidden.RAM",
                "instance/" + b,
                "UploadInstanceKeyPair",
                "RegionId",
                R,
                "InstanceId",
                b,
                "KeyPairName",
                signing + "-up",
                "PublicKey",
                ED25519);
        call(root, "DeleteInstanceKeyPair", "RegionId", R, "InstanceId", a);
        call(c, "DeleteKeyPairs", "RegionId", R, "KeyPairNames.1", name, "KeyPairNames.2", signing + "-up");
    }
}
