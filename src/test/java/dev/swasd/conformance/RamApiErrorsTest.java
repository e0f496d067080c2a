package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import dev.swasd.SharedFiles;
import dev.swasd.ramapi.RamLimits;
import dev.swasd.server.TestServer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every RAM API error code of ram-api.md 1.6 that swasd can produce over the wire, with its HTTP
 * status and exact message, through the official generic client (tea-openapi, version
 * 2015-05-01). The limits too large to reach in a test (1,000 users, 50 groups, 1,500 policies)
 * are produced by a server started with smaller ones ({@code --ram-limit}).
 */
class RamApiErrorsTest {
    private static final String DOC = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "\"swas-open:List*\",\"Resource\":\"*\"}]}";
    private static TestServer server;
    private static TeaClient root;
    private static final Set<String> SEEN = new TreeSet<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        root = new TeaClient(server.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v3", "2015-05-01");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        // every code of the catalogue of ram-api.md 1.6, but the two conflicts swasd has no
        // entities for (login profiles, MFA devices) and InternalError (PipelineFailureTest)
        Set<String> catalogue = new TreeSet<>();
        String spec = Files.readString(SharedFiles.root().resolve("spec/ram-api.md"));
        String section = spec.substring(spec.indexOf("### 1.6"), spec.indexOf("## 2. Actions"));
        Matcher m = Pattern.compile("(?m)^\\| (\\d{3}) \\| `([A-Za-z.]+)` \\|").matcher(section);
        while (m.find()) {
            catalogue.add(m.group(2));
        }
        catalogue.removeAll(
                Set.of("DeleteConflict.User.LoginProfile", "DeleteConflict.User.MFADevice", "InternalError"));
        assertThat(catalogue).hasSizeGreaterThan(50);
        assertThat(SEEN).containsAll(catalogue);
    }

    private static void expect(int status, String code, String message, String action, Object... kv) {
        TeaException e = root.error(action, kv);
        assertThat(e.getCode()).as(action + " " + Arrays.toString(kv)).isEqualTo(code);
        assertThat(e.getStatusCode()).as(code).isEqualTo(status);
        if (message != null) {
            assertThat(e.getMessage()).as(code).contains(message);
        }
        SEEN.add(code);
    }

    @Test
    void parameterFormats() {
        String long65 = "a".repeat(65);
        expect(
                400,
                "InvalidParameter.UserName.InvalidChars",
                "The parameter - \"UserName\" contains invalid chars.",
                "CreateUser",
                "UserName",
                "bad name");
        expect(
                400,
                "InvalidParameter.UserName.Length",
                "The parameter - \"UserName\" beyond the length limit.",
                "CreateUser",
                "UserName",
                long65);
        expect(
                400,
                "InvalidParameter.DisplayName.InvalidChars",
                null,
                "CreateUser",
                "UserName",
                "u1",
                "DisplayName",
                "tab\there");
        expect(
                400,
                "InvalidParameter.DisplayName.Length",
                null,
                "CreateUser",
                "UserName",
                "u1",
                "DisplayName",
                "d".repeat(129));
        expect(
                400,
                "InvalidParameter.MobilePhone.Format",
                "The format of the parameter - \"MobilePhone\" is incorrect.",
                "CreateUser",
                "UserName",
                "u1",
                "MobilePhone",
                "12345");
        expect(400, "InvalidParameter.Email.Format", null, "CreateUser", "UserName", "u1", "Email", "nobody");
        expect(
                400,
                "InvalidParameter.Comments.Length",
                "The parameter - \"Comments\" beyond the length limit.",
                "CreateUser",
                "UserName",
                "u1",
                "Comments",
                "c".repeat(129));
        expect(
                400,
                "InvalidParameter.NewUserName.InvalidChars",
                null,
                "UpdateUser",
                "UserName",
                "u1",
                "NewUserName",
                "a/b");
        expect(400, "InvalidParameter.NewUserName.Length", null, "UpdateUser", "UserName", "u1", "NewUserName", long65);
        expect(
                400,
                "InvalidParameter.NewDisplayName.InvalidChars",
                null,
                "UpdateUser",
                "UserName",
                "u1",
                "NewDisplayName",
                "x\ny");
        expect(
                400,
                "InvalidParameter.NewDisplayName.Length",
                null,
                "UpdateUser",
                "UserName",
                "u1",
                "NewDisplayName",
                "d".repeat(129));
        expect(
                400,
                "InvalidParameter.NewMobilePhone.Format",
                null,
                "UpdateUser",
                "UserName",
                "u1",
                "NewMobilePhone",
                "+86 123");
        expect(400, "InvalidParameter.NewEmail.Format", null, "UpdateUser", "UserName", "u1", "NewEmail", "a@b@c");
        expect(
                400,
                "InvalidParameter.NewComments.Length",
                null,
                "UpdateUser",
                "UserName",
                "u1",
                "NewComments",
                "c".repeat(129));
        expect(400, "InvalidParameter.GroupName.InvalidChars", null, "CreateGroup", "GroupName", "dev team");
        expect(400, "InvalidParameter.GroupName.Length", null, "CreateGroup", "GroupName", long65);
        expect(
                400,
                "InvalidParameter.PolicyType",
                "The parameter - \"PolicyType\" is incorrect.",
                "GetPolicy",
                "PolicyName",
                "p",
                "PolicyType",
                "custom");
        expect(
                400,
                "InvalidParameter.PolicyName.InvalidChars",
                "The parameter - \"PolicyName\" contains invalid chars.",
                "CreatePolicy",
                "PolicyName",
                "my_policy",
                "PolicyDocument",
                DOC);
        expect(
                400,
                "InvalidParameter.PolicyName.Length",
                null,
                "CreatePolicy",
                "PolicyName",
                "p".repeat(129),
                "PolicyDocument",
                DOC);
        expect(
                400,
                "InvalidParameter.PolicyDocument.Length",
                "The parameter - \"PolicyDocument\" beyond the length limit.",
                "CreatePolicy",
                "PolicyName",
                "p",
                "PolicyDocument",
                "{" + " ".repeat(6144) + "}");
        expect(
                400,
                "InvalidParameter.Description.Length",
                null,
                "CreatePolicy",
                "PolicyName",
                "p",
                "PolicyDocument",
                DOC,
                "Description",
                "d".repeat(1025));
        expect(
                400,
                "InvalidParameter.VersionId.Format",
                "The format of the parameter - \"VersionId\" is incorrect.",
                "GetPolicyVersion",
                "PolicyName",
                "p",
                "PolicyType",
                "Custom",
                "VersionId",
                "1");
        expect(
                400,
                "MalformedPolicyDocument",
                "Statement[0].Effect must be \"Allow\" or \"Deny\", got \"allow\"",
                "CreatePolicy",
                "PolicyName",
                "p",
                "PolicyDocument",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        expect(
                400,
                "MalformedPolicyDocument",
                "not valid JSON",
                "CreatePolicy",
                "PolicyName",
                "p",
                "PolicyDocument",
                "{\"Version\":\"1\",");
        expect(400, "MissingUserName", "UserName is mandatory for this action.", "CreateUser");
        expect(400, "MissingUserName", null, "CreateAccessKey");
        expect(400, "InvalidParameter", null, "ListUsers", "MaxItems", "0");
        expect(400, "InvalidParameter", null, "ListGroups", "MaxItems", "101");
        expect(400, "InvalidParameter", null, "UpdateAccessKey", "UserAccessKeyId", "LTAIx", "Status", "Paused");
        expect(
                400,
                "InvalidParameter",
                null,
                "AttachPolicyToUser",
                "UserName",
                "u1",
                "PolicyType",
                "Custom",
                "PolicyName",
                "p",
                "ResourceGroupId",
                "rg-1");
        expect(400, "InvalidParameter", null, "ListUsers", "Marker", "%%%");
    }

    @Test
    void existenceDuplicatesConflictsAndLimits() {
        root.call("CreateUser", "UserName", "alice");
        expect(409, "EntityAlreadyExists.User", "The user does already EXIST.", "CreateUser", "UserName", "ALICE");
        expect(404, "EntityNotExist.User", "The user does not exist.", "GetUser", "UserName", "nobody");
        root.call("CreateUser", "UserName", "bob");
        expect(409, "EntityAlreadyExists.User", null, "UpdateUser", "UserName", "bob", "NewUserName", "Alice");

        // access keys
        String k1 = key("alice");
        key("alice");
        expect(
                409,
                "LimitExceeded.User.AccessKey",
                "The access key count of the user access keys beyond the current limits.",
                "CreateAccessKey",
                "UserName",
                "alice");
        expect(
                404,
                "EntityNotExist.User.AccessKey",
                "The user access key does not exist.",
                "UpdateAccessKey",
                "UserName",
                "bob",
                "UserAccessKeyId",
                k1,
                "Status",
                "Inactive");
        expect(
                404,
                "EntityNotExist.User.AccessKey",
                null,
                "DeleteAccessKey",
                "UserName",
                "alice",
                "UserAccessKeyId",
                TestServer.ROOT_KEY_ID);
        expect(404, "EntityNotExist.User", null, "ListAccessKeys", "UserName", "nobody");

        // groups and memberships
        root.call("CreateGroup", "GroupName", "dev");
        expect(409, "EntityAlreadyExists.Group", "The group does already EXIST.", "CreateGroup", "GroupName", "DEV");
        expect(404, "EntityNotExist.Group", "The group does not exist.", "GetGroup", "GroupName", "ops");
        expect(404, "EntityNotExist.User", null, "AddUserToGroup", "UserName", "nobody", "GroupName", "ops");
        root.call("AddUserToGroup", "UserName", "alice", "GroupName", "dev");
        expect(
                409,
                "EntityAlreadyExists.User.Group",
                "The user has already joined the group.",
                "AddUserToGroup",
                "UserName",
                "alice",
                "GroupName",
                "dev");
        expect(
                404,
                "EntityNotExist.User.Group",
                "The user has not joined the group.",
                "RemoveUserFromGroup",
                "UserName",
                "bob",
                "GroupName",
                "dev");
        for (int i = 2; i <= 5; i++) {
            root.call("CreateGroup", "GroupName", "g" + i);
            root.call("AddUserToGroup", "UserName", "alice", "GroupName", "g" + i);
        }
        root.call("CreateGroup", "GroupName", "g6");
        expect(
                409,
                "LimitExceeded.User.Group",
                "The count of groups the target user joined beyond the current limits.",
                "AddUserToGroup",
                "UserName",
                "alice",
                "GroupName",
                "g6");

        // policies and versions
        root.call("CreatePolicy", "PolicyName", "p1", "PolicyDocument", DOC);
        expect(
                409,
                "EntityAlreadyExists.Policy",
                "The group does already EXIST.",
                "CreatePolicy",
                "PolicyName",
                "P1",
                "PolicyDocument",
                DOC);
        expect(
                404,
                "EntityNotExist.Policy",
                "The policy does not exist.",
                "GetPolicy",
                "PolicyName",
                "p9",
                "PolicyType",
                "Custom");
        expect(404, "EntityNotExist.Policy", null, "GetPolicy", "PolicyName", "p1", "PolicyType", "System");
        expect(
                404,
                "EntityNotExist.Policy.Version",
                "The policy version does not exist.",
                "GetPolicyVersion",
                "PolicyName",
                "p1",
                "PolicyType",
                "Custom",
                "VersionId",
                "v2");
        for (int v = 2; v <= 5; v++) {
            root.call("CreatePolicyVersion", "PolicyName", "p1", "PolicyDocument", DOC);
        }
        expect(
                409,
                "LimitExceeded.Policy.Version",
                "The count of policy version beyond the current limits.",
                "CreatePolicyVersion",
                "PolicyName",
                "p1",
                "PolicyDocument",
                DOC);
        expect(
                409,
                "DeleteConflict.Policy.Version.Default",
                "The default policy version CAN NOT been deleted directly.",
                "DeletePolicyVersion",
                "PolicyName",
                "p1",
                "VersionId",
                "v1");
        expect(
                409,
                "DeleteConflict.Policy.Version",
                "The policy CAN NOT has any version except the default version.",
                "DeletePolicy",
                "PolicyName",
                "p1");

        // attachments
        root.call("AttachPolicyToUser", "UserName", "alice", "PolicyType", "Custom", "PolicyName", "p1");
        expect(
                409,
                "EntityAlreadyExists.User.Policy",
                "The user has already been attached this policy.",
                "AttachPolicyToUser",
                "UserName",
                "alice",
                "PolicyType",
                "Custom",
                "PolicyName",
                "P1");
        expect(
                404,
                "EntityNotExist.User.Policy",
                "The indicate policy of the user does not exist.",
                "DetachPolicyFromUser",
                "UserName",
                "bob",
                "PolicyType",
                "Custom",
                "PolicyName",
                "p1");
        root.call(
                "AttachPolicyToGroup",
                "GroupName",
                "dev",
                "PolicyType",
                "System",
                "PolicyName",
                "AliyunSWASReadOnlyAccess");
        expect(
                409,
                "EntityAlreadyExists.Group.Policy",
                "The group has already been attached this policy.",
                "AttachPolicyToGroup",
                "GroupName",
                "dev",
                "PolicyType",
                "System",
                "PolicyName",
                "AliyunSWASReadOnlyAccess");
        expect(
                404,
                "EntityNotExist.Group.Policy",
                "The indicate policy attached to the group does not exist.",
                "DetachPolicyFromGroup",
                "GroupName",
                "g2",
                "PolicyType",
                "System",
                "PolicyName",
                "AliyunSWASReadOnlyAccess");
        expect(
                404,
                "EntityNotExist.Policy",
                null,
                "AttachPolicyToUser",
                "UserName",
                "alice",
                "PolicyType",
                "System",
                "PolicyName",
                "aliyunswasreadonlyaccess");
        expect(
                409,
                "DeleteConflict.Policy.User",
                "The policy CAN NOT been attached to any user while deleting the policy.",
                "DeletePolicy",
                "PolicyName",
                "p1",
                "CascadingDelete",
                "true");
        root.call("CreatePolicy", "PolicyName", "p2", "PolicyDocument", DOC);
        root.call("AttachPolicyToGroup", "GroupName", "g2", "PolicyType", "Custom", "PolicyName", "p2");
        expect(
                409,
                "DeleteConflict.Policy.Group",
                "The policy CAN NOT been attached to any group while deleting the policy.",
                "DeletePolicy",
                "PolicyName",
                "p2");
        for (int i = 3; i <= 11; i++) {
            root.call("CreatePolicy", "PolicyName", "p" + i, "PolicyDocument", DOC);
        }
        for (int i = 2; i <= 10; i++) {
            root.call("AttachPolicyToUser", "UserName", "alice", "PolicyType", "Custom", "PolicyName", "p" + i);
        }
        expect(
                409,
                "LimitExceeded.User.Policy",
                "The policy count of the user attached policies beyond the current limits.",
                "AttachPolicyToUser",
                "UserName",
                "alice",
                "PolicyType",
                "Custom",
                "PolicyName",
                "p11");
        for (int i = 3; i <= 6; i++) {
            root.call("AttachPolicyToGroup", "GroupName", "g2", "PolicyType", "Custom", "PolicyName", "p" + i);
        }
        expect(
                409,
                "LimitExceeded.Group.Policy",
                "The policy count of the group beyond the current limits.",
                "AttachPolicyToGroup",
                "GroupName",
                "g2",
                "PolicyType",
                "Custom",
                "PolicyName",
                "p7");

        // deletion conflicts, in the documented order
        expect(
                409,
                "DeleteConflict.User.Group",
                "The user CAN NOT be in any group while deleting the user.",
                "DeleteUser",
                "UserName",
                "alice");
        for (String g : new String[] {"dev", "g2", "g3", "g4", "g5"}) {
            root.call("RemoveUserFromGroup", "UserName", "alice", "GroupName", g);
        }
        expect(
                409,
                "DeleteConflict.User.AccessKey",
                "The user CAN NOT has any access key while deleting the user.",
                "DeleteUser",
                "UserName",
                "alice");
        for (Object k : keys("alice")) {
            root.call("DeleteAccessKey", "UserName", "alice", "UserAccessKeyId", k);
        }
        expect(
                409,
                "DeleteConflict.User.Policy",
                "The user CAN NOT has any attached policy while deleting the user.",
                "DeleteUser",
                "UserName",
                "alice");
        expect(
                409,
                "DeleteConflict.Group.Policy",
                "The entity CAN NOT has any attached policy while deleting the group.",
                "DeleteGroup",
                "GroupName",
                "dev");
        root.call("AddUserToGroup", "UserName", "bob", "GroupName", "g6");
        expect(
                409,
                "DeleteConflict.Group.User",
                "The group CAN NOT has any user member while deleting the group.",
                "DeleteGroup",
                "GroupName",
                "g6");
    }

    @Test
    void largeLimitsConfiguredSmallAnswerTheirCodes() throws Exception {
        try (TestServer small = TestServer.start(new RamLimits(1, 1, 5, 2, 1, 5, 20, 10, 20, 5))) {
            TeaClient c =
                    new TeaClient(small.endpoint(), TestServer.ROOT_KEY_ID, TestServer.ROOT_SECRET, "v1", "2015-05-01");
            c.call("CreateUser", "UserName", "one");
            c.call("CreateGroup", "GroupName", "one");
            c.call("CreatePolicy", "PolicyName", "one", "PolicyDocument", DOC);
            for (String[] limit : new String[][] {
                {"LimitExceeded.User", "The count of users beyond the current limits.", "CreateUser", "UserName"},
                {"LimitExceeded.Group", "The count of groups beyond the current limits.", "CreateGroup", "GroupName"}
            }) {
                TeaException e = c.error(limit[2], limit[3], "two");
                assertThat(e.getCode()).isEqualTo(limit[0]);
                assertThat(e.getStatusCode()).isEqualTo(409);
                assertThat(e.getMessage()).contains(limit[1]);
                SEEN.add(e.getCode());
            }
            TeaException e = c.error("CreatePolicy", "PolicyName", "two", "PolicyDocument", DOC);
            assertThat(e.getCode()).isEqualTo("LimitExceeded.Policy");
            assertThat(e.getMessage()).contains("The count of policy beyond the current limits.");
            SEEN.add(e.getCode());
        }
    }

    @Test
    void aRamUserWithoutPermissionGetsNoPermission() {
        root.call("CreateUser", "UserName", "carol");
        Map<String, Object> created = root.call("CreateAccessKey", "UserName", "carol");
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) created.get("AccessKey");
        TeaClient carol = new TeaClient(
                server.endpoint(),
                (String) key.get("AccessKeyId"),
                (String) key.get("AccessKeySecret"),
                "v1",
                "2015-05-01");
        TeaException e = carol.error("ListUsers");
        assertThat(e.getCode()).isEqualTo("NoPermission");
        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getMessage())
                .contains("You are not authorized to do this action.")
                .contains("ram:ListUsers")
                .contains("acs:ram:*:" + TestServer.ACCOUNT_ID + ":user/*");
        assertThat(e.getAccessDeniedDetail())
                .containsEntry("AuthAction", "ram:ListUsers")
                .containsEntry("NoPermissionType", "ImplicitDeny");
        SEEN.add(e.getCode());
    }

    private static String key(String user) {
        @SuppressWarnings("unchecked")
        Map<String, Object> k = (Map<String, Object>)
                root.call("CreateAccessKey", "UserName", user).get("AccessKey");
        return (String) k.get("AccessKeyId");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> keys(String user) {
        Map<String, Object> body = root.call("ListAccessKeys", "UserName", user);
        return ((List<Map<String, Object>>) ((Map<String, Object>) body.get("AccessKeys")).get("AccessKey"))
                .stream().map(k -> k.get("AccessKeyId")).toList();
    }
}
