package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ram20150501.Client;
import com.aliyun.ram20150501.models.*;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import dev.swasd.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * All 33 RAM actions through the official typed Java SDK {@code com.aliyun:ram20150501} 1.0.2:
 * its models parse every response shape (lists wrapped twice, dates, booleans, counters).
 */
class RamSdkConformanceTest {
    private static final String DOC = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "\"swas-open:List*\",\"Resource\":\"*\"}]}";
    private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    private static TestServer server;
    private static Client ram;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        ram = new Client(new Config()
                .setAccessKeyId(TestServer.ROOT_KEY_ID)
                .setAccessKeySecret(TestServer.ROOT_SECRET)
                .setEndpoint(server.endpoint())
                .setProtocol("http"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void usersAndAccessKeys() throws Exception {
        var created = ram.createUser(new CreateUserRequest()
                        .setUserName("zhangq")
                        .setDisplayName("Zhang Q")
                        .setMobilePhone("86-18600008888")
                        .setEmail("zq@example.com")
                        .setComments("ops"))
                .getBody()
                .getUser();
        assertThat(created.getMobilePhone()).isEqualTo("86-18600008888");
        assertThat(created.getEmail()).isEqualTo("zq@example.com");
        var got = ram.getUser(new GetUserRequest().setUserName("ZHANGQ"))
                .getBody()
                .getUser();
        assertThat(got.getUserId()).isEqualTo(created.getUserId());
        assertThat(got.getUpdateDate()).matches(ISO);
        assertThat(got.getLastLoginDate()).isNull();
        var updated = ram.updateUser(new UpdateUserRequest()
                        .setUserName("zhangq")
                        .setNewUserName("zhangq2")
                        .setNewComments("ops team"))
                .getBody()
                .getUser();
        assertThat(updated.getUserName()).isEqualTo("zhangq2");
        assertThat(updated.getComments()).isEqualTo("ops team");
        assertThat(updated.getDisplayName()).isEqualTo("Zhang Q");
        ram.createUser(new CreateUserRequest().setUserName("second"));
        // page through one user at a time: every user once, contact fields left out
        List<String> names = new ArrayList<>();
        String marker = null;
        for (int guard = 0; guard < 50; guard++) {
            var page = ram.listUsers(new ListUsersRequest().setMaxItems(1).setMarker(marker))
                    .getBody();
            assertThat(page.getUsers().getUser()).hasSizeLessThanOrEqualTo(1);
            page.getUsers().getUser().forEach(u -> {
                assertThat(u.getEmail()).isNull();
                names.add(u.getUserName());
            });
            if (!page.getIsTruncated()) {
                assertThat(page.getMarker()).isNull();
                break;
            }
            marker = page.getMarker();
        }
        assertThat(names).doesNotHaveDuplicates().contains("zhangq2", "second");
        assertThat(names.indexOf("zhangq2")).isLessThan(names.indexOf("second"));

        var key = ram.createAccessKey(new CreateAccessKeyRequest().setUserName("zhangq2"))
                .getBody()
                .getAccessKey();
        assertThat(key.getCreateDate()).matches(ISO);
        var keys = ram.listAccessKeys(new ListAccessKeysRequest().setUserName("zhangq2"))
                .getBody()
                .getAccessKeys()
                .getAccessKey();
        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.getAccessKeyId()).isEqualTo(key.getAccessKeyId());
            assertThat(k.getStatus()).isEqualTo("Active");
        });
        ram.updateAccessKey(new UpdateAccessKeyRequest()
                .setUserName("zhangq2")
                .setUserAccessKeyId(key.getAccessKeyId())
                .setStatus("Inactive"));
        assertThat(ram.listAccessKeys(new ListAccessKeysRequest().setUserName("zhangq2"))
                        .getBody()
                        .getAccessKeys()
                        .getAccessKey()
                        .getFirst()
                        .getStatus())
                .isEqualTo("Inactive");
        ram.deleteAccessKey(
                new DeleteAccessKeyRequest().setUserName("zhangq2").setUserAccessKeyId(key.getAccessKeyId()));
        assertThat(ram.listAccessKeys(new ListAccessKeysRequest().setUserName("zhangq2"))
                        .getBody()
                        .getAccessKeys()
                        .getAccessKey())
                .isEmpty();
        ram.deleteUser(new DeleteUserRequest().setUserName("zhangq2"));
        TeaException gone = Assertions.assertThrows(
                TeaException.class, () -> ram.getUser(new GetUserRequest().setUserName("zhangq2")));
        assertThat(gone.getCode()).isEqualTo("EntityNotExist.User");
    }

    @Test
    void groupsAndMemberships() throws Exception {
        ram.createUser(new CreateUserRequest().setUserName("member").setDisplayName("A member"));
        var g = ram.createGroup(
                        new CreateGroupRequest().setGroupName("Dev-Team").setComments("developers"))
                .getBody()
                .getGroup();
        assertThat(g.getGroupId()).matches("g-[A-Za-z0-9]{16}");
        assertThat(ram.getGroup(new GetGroupRequest().setGroupName("dev-team"))
                        .getBody()
                        .getGroup()
                        .getUpdateDate())
                .matches(ISO);
        ram.createGroup(new CreateGroupRequest().setGroupName("Other"));
        var groups = ram.listGroups(new ListGroupsRequest().setMaxItems(100)).getBody();
        assertThat(groups.getIsTruncated()).isFalse();
        assertThat(groups.getGroups().getGroup())
                .extracting(ListGroupsResponseBody.ListGroupsResponseBodyGroupsGroup::getGroupName)
                .contains("Dev-Team", "Other");
        ram.addUserToGroup(new AddUserToGroupRequest().setUserName("member").setGroupName("Dev-Team"));
        assertThat(ram.listGroupsForUser(new ListGroupsForUserRequest().setUserName("member"))
                        .getBody()
                        .getGroups()
                        .getGroup())
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.getGroupName()).isEqualTo("Dev-Team");
                    assertThat(x.getJoinDate()).matches(ISO);
                    assertThat(x.getComments()).isEqualTo("developers");
                });
        var members = ram.listUsersForGroup(new ListUsersForGroupRequest().setGroupName("Dev-Team"))
                .getBody();
        assertThat(members.getUsers().getUser()).singleElement().satisfies(u -> {
            assertThat(u.getUserName()).isEqualTo("member");
            assertThat(u.getDisplayName()).isEqualTo("A member");
            assertThat(u.getJoinDate()).matches(ISO);
        });
        ram.removeUserFromGroup(
                new RemoveUserFromGroupRequest().setUserName("member").setGroupName("Dev-Team"));
        assertThat(ram.listUsersForGroup(new ListUsersForGroupRequest().setGroupName("Dev-Team"))
                        .getBody()
                        .getUsers()
                        .getUser())
                .isEmpty();
        ram.deleteGroup(new DeleteGroupRequest().setGroupName("Dev-Team"));
    }

    @Test
    void policiesVersionsAndAttachments() throws Exception {
        var p = ram.createPolicy(new CreatePolicyRequest()
                        .setPolicyName("OSS-Administrator")
                        .setPolicyDocument(DOC)
                        .setDescription("lists"))
                .getBody()
                .getPolicy();
        assertThat(p.getDefaultVersion()).isEqualTo("v1");
        var v2 = ram.createPolicyVersion(new CreatePolicyVersionRequest()
                        .setPolicyName("OSS-Administrator")
                        .setPolicyDocument(DOC.replace("List*", "Describe*"))
                        .setSetAsDefault(true))
                .getBody()
                .getPolicyVersion();
        assertThat(v2.getVersionId()).isEqualTo("v2");
        assertThat(v2.getIsDefaultVersion()).isTrue();
        var got = ram.getPolicy(new GetPolicyRequest()
                        .setPolicyName("OSS-Administrator")
                        .setPolicyType("Custom"))
                .getBody();
        assertThat(got.getPolicy().getAttachmentCount()).isZero();
        assertThat(got.getDefaultPolicyVersion().getPolicyDocument()).contains("Describe*");
        ram.setDefaultPolicyVersion(new SetDefaultPolicyVersionRequest()
                .setPolicyName("OSS-Administrator")
                .setVersionId("v1"));
        var v1 = ram.getPolicyVersion(new GetPolicyVersionRequest()
                        .setPolicyName("OSS-Administrator")
                        .setPolicyType("Custom")
                        .setVersionId("v1"))
                .getBody()
                .getPolicyVersion();
        assertThat(v1.getIsDefaultVersion()).isTrue();
        assertThat(v1.getPolicyDocument()).isEqualTo(DOC);
        assertThat(ram.listPolicyVersions(new ListPolicyVersionsRequest()
                                .setPolicyName("OSS-Administrator")
                                .setPolicyType("Custom"))
                        .getBody()
                        .getPolicyVersions()
                        .getPolicyVersion())
                .hasSize(2);
        ram.deletePolicyVersion(new DeletePolicyVersionRequest()
                .setPolicyName("OSS-Administrator")
                .setVersionId("v2"));

        var system = ram.getPolicy(new GetPolicyRequest()
                        .setPolicyName("AliyunSWASFullAccess")
                        .setPolicyType("System"))
                .getBody();
        assertThat(system.getPolicy().getPolicyType()).isEqualTo("System");
        assertThat(system.getDefaultPolicyVersion().getPolicyDocument()).contains("swas-open:*");
        var all = ram.listPolicies(new ListPoliciesRequest()).getBody();
        assertThat(all.getPolicies().getPolicy())
                .extracting(ListPoliciesResponseBody.ListPoliciesResponseBodyPoliciesPolicy::getPolicyName)
                .contains(
                        "AdministratorAccess", "AliyunSWASFullAccess", "AliyunSWASReadOnlyAccess", "OSS-Administrator");
        assertThat(ram.listPolicies(new ListPoliciesRequest().setPolicyType("Custom"))
                        .getBody()
                        .getPolicies()
                        .getPolicy())
                .singleElement()
                .satisfies(x -> assertThat(x.getPolicyName()).isEqualTo("OSS-Administrator"));

        ram.createUser(new CreateUserRequest().setUserName("attached").setDisplayName("Attached"));
        ram.createGroup(new CreateGroupRequest().setGroupName("readers").setComments("read only"));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest()
                .setUserName("attached")
                .setPolicyType("Custom")
                .setPolicyName("oss-administrator"));
        ram.attachPolicyToGroup(new AttachPolicyToGroupRequest()
                .setGroupName("readers")
                .setPolicyType("Custom")
                .setPolicyName("OSS-Administrator"));
        ram.attachPolicyToGroup(new AttachPolicyToGroupRequest()
                .setGroupName("readers")
                .setPolicyType("System")
                .setPolicyName("AliyunSWASReadOnlyAccess"));
        assertThat(ram.listPoliciesForUser(new ListPoliciesForUserRequest().setUserName("attached"))
                        .getBody()
                        .getPolicies()
                        .getPolicy())
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.getPolicyName()).isEqualTo("OSS-Administrator");
                    assertThat(x.getDescription()).isEqualTo("lists");
                    assertThat(x.getDefaultVersion()).isEqualTo("v1");
                });
        assertThat(ram.listPoliciesForGroup(new ListPoliciesForGroupRequest().setGroupName("readers"))
                        .getBody()
                        .getPolicies()
                        .getPolicy())
                .extracting(
                        ListPoliciesForGroupResponseBody.ListPoliciesForGroupResponseBodyPoliciesPolicy::getPolicyType)
                .containsExactly("Custom", "System");
        var entities = ram.listEntitiesForPolicy(new ListEntitiesForPolicyRequest()
                        .setPolicyName("OSS-Administrator")
                        .setPolicyType("Custom"))
                .getBody();
        assertThat(entities.getUsers().getUser()).singleElement().satisfies(u -> {
            assertThat(u.getUserName()).isEqualTo("attached");
            assertThat(u.getDisplayName()).isEqualTo("Attached");
            assertThat(u.getAttachDate()).matches(ISO);
        });
        assertThat(entities.getGroups().getGroup())
                .singleElement()
                .satisfies(x -> assertThat(x.getComments()).isEqualTo("read only"));
        assertThat(entities.getRoles().getRole()).isEmpty();
        assertThat(ram.getPolicy(new GetPolicyRequest()
                                .setPolicyName("OSS-Administrator")
                                .setPolicyType("Custom"))
                        .getBody()
                        .getPolicy()
                        .getAttachmentCount())
                .isEqualTo(2);

        ram.detachPolicyFromUser(new DetachPolicyFromUserRequest()
                .setUserName("attached")
                .setPolicyType("Custom")
                .setPolicyName("OSS-Administrator"));
        ram.detachPolicyFromGroup(new DetachPolicyFromGroupRequest()
                .setGroupName("readers")
                .setPolicyType("Custom")
                .setPolicyName("OSS-Administrator"));
        ram.deletePolicy(new DeletePolicyRequest().setPolicyName("OSS-Administrator"));
        assertThat(ram.listPolicies(new ListPoliciesRequest().setPolicyType("Custom"))
                        .getBody()
                        .getPolicies()
                        .getPolicy())
                .isEmpty();
    }
}
