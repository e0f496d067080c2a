package dev.swasd.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.errors.ApiException;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.ramapi.Page;
import dev.swasd.ramapi.PolicyView;
import dev.swasd.ramapi.RamAccessKeys;
import dev.swasd.ramapi.RamAttachments;
import dev.swasd.ramapi.RamDomain;
import dev.swasd.ramapi.RamErrors;
import dev.swasd.ramapi.RamUsers;
import dev.swasd.ramapi.VersionView;
import dev.swasd.store.AccessKeyRecord;
import dev.swasd.store.Joined;
import dev.swasd.store.RamGroupRecord;
import dev.swasd.store.RamUserRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire shapes of the RAM API 2015-05-01 (ram-actions.json): lists wrapped twice
 * ({@code Users.User[]}), ISO-8601 UTC dates, {@code IsTruncated} always and {@code Marker} only
 * when truncated; absent optional fields are left out.
 */
final class RamBindings {
    static final String PRODUCT = "ram";

    private RamBindings() {
    }

    static void register(ActionRegistry r, RamDomain ram) {
        r.addRules(PRODUCT, (op, p) -> ram.rules().check(p.asMap()));
        users(r, ram);
        keys(r, ram);
        groups(r, ram);
        policies(r, ram);
        attachments(r, ram.attachments());
    }

    private static void users(ActionRegistry r, RamDomain ram) {
        add(r, "CreateUser", (ctx, p, tx) -> {
            RamUserRecord u = ram.users().create(tx, ctx.accountId(), ctx.now(), new RamUsers.NewUser(
                    p.string("UserName"), p.string("DisplayName"), p.string("MobilePhone"), p.string("Email"),
                    p.string("Comments")));
            ObjectNode out = Wire.object();
            user(out.putObject("User"), u, true, false);
            return out;
        });
        add(r, "GetUser", (ctx, p, tx) -> {
            ObjectNode out = Wire.object();
            user(out.putObject("User"), ram.users().get(tx, ctx.accountId(), p.string("UserName")), true, true);
            return out;
        });
        add(r, "ListUsers", (ctx, p, tx) -> {
            Page<RamUserRecord> page = ram.users().list(tx, ctx.accountId(), p.string("Marker"), maxItems(p));
            ObjectNode out = Wire.object();
            ArrayNode list = out.putObject("Users").putArray("User");
            // ListUsers does not return Email and MobilePhone (ram-api.md 2.1)
            page.items().forEach(u -> user(list.addObject(), u, false, true));
            return paged(out, page);
        });
        add(r, "UpdateUser", (ctx, p, tx) -> {
            RamUserRecord u = ram.users().update(tx, ctx.accountId(), ctx.now(), p.string("UserName"),
                    new RamUsers.UserChanges(p.string("NewUserName"), p.string("NewDisplayName"),
                            p.string("NewMobilePhone"), p.string("NewEmail"), p.string("NewComments")));
            ObjectNode out = Wire.object();
            user(out.putObject("User"), u, true, true);
            return out;
        });
        add(r, "DeleteUser", (ctx, p, tx) -> {
            ram.users().delete(tx, ctx.accountId(), p.string("UserName"));
            return Wire.object();
        });
    }

    private static void keys(ActionRegistry r, RamDomain ram) {
        add(r, "CreateAccessKey", (ctx, p, tx) -> {
            RamAccessKeys.CreatedKey k = ram.keys().create(tx, ctx.accountId(), ctx.now(), target(ctx, p));
            ObjectNode out = Wire.object();
            out.putObject("AccessKey").put("AccessKeyId", k.key().accessKeyId()).put("AccessKeySecret", k.secret())
                    .put("Status", k.key().status()).put("CreateDate", Wire.time(k.key().createdAtMillis()));
            return out;
        });
        add(r, "ListAccessKeys", (ctx, p, tx) -> {
            ObjectNode out = Wire.object();
            ArrayNode list = out.putObject("AccessKeys").putArray("AccessKey");
            for (AccessKeyRecord k : ram.keys().list(tx, ctx.accountId(), target(ctx, p))) {
                list.addObject().put("AccessKeyId", k.accessKeyId()).put("Status", k.status())
                        .put("CreateDate", Wire.time(k.createdAtMillis()));
            }
            return out;
        });
        add(r, "UpdateAccessKey", (ctx, p, tx) -> {
            ram.keys().update(tx, ctx.accountId(), target(ctx, p), p.string("UserAccessKeyId"), p.string("Status"));
            return Wire.object();
        });
        add(r, "DeleteAccessKey", (ctx, p, tx) -> {
            ram.keys().delete(tx, ctx.accountId(), target(ctx, p), p.string("UserAccessKeyId"));
            return Wire.object();
        });
    }

    private static void groups(ActionRegistry r, RamDomain ram) {
        add(r, "CreateGroup", (ctx, p, tx) -> {
            ObjectNode out = Wire.object();
            group(out.putObject("Group"), ram.groups().create(tx, ctx.accountId(), ctx.now(), p.string("GroupName"),
                    p.string("Comments")), false);
            return out;
        });
        add(r, "GetGroup", (ctx, p, tx) -> {
            ObjectNode out = Wire.object();
            group(out.putObject("Group"), ram.groups().get(tx, ctx.accountId(), p.string("GroupName")), true);
            return out;
        });
        add(r, "ListGroups", (ctx, p, tx) -> {
            Page<RamGroupRecord> page = ram.groups().list(tx, ctx.accountId(), p.string("Marker"), maxItems(p));
            ObjectNode out = Wire.object();
            ArrayNode list = out.putObject("Groups").putArray("Group");
            page.items().forEach(g -> group(list.addObject(), g, true));
            return paged(out, page);
        });
        add(r, "DeleteGroup", (ctx, p, tx) -> {
            ram.groups().delete(tx, ctx.accountId(), p.string("GroupName"));
            return Wire.object();
        });
        add(r, "AddUserToGroup", (ctx, p, tx) -> {
            ram.groups().addUser(tx, ctx.accountId(), ctx.now(), p.string("UserName"), p.string("GroupName"));
            return Wire.object();
        });
        add(r, "RemoveUserFromGroup", (ctx, p, tx) -> {
            ram.groups().removeUser(tx, ctx.accountId(), p.string("UserName"), p.string("GroupName"));
            return Wire.object();
        });
        add(r, "ListGroupsForUser", (ctx, p, tx) -> {
            ObjectNode out = Wire.object();
            ArrayNode list = out.putObject("Groups").putArray("Group");
            for (Joined<RamGroupRecord> j : ram.groups().groupsForUser(tx, ctx.accountId(), p.string("UserName"))) {
                ObjectNode o = list.addObject().put("GroupId", j.entity().groupId())
                        .put("GroupName", j.entity().groupName());
                opt(o, "Comments", j.entity().comments());
                o.put("JoinDate", Wire.time(j.joinedAt()));
            }
            return out;
        });
        add(r, "ListUsersForGroup", (ctx, p, tx) -> {
            Page<Joined<RamUserRecord>> page = ram.groups().usersForGroup(tx, ctx.accountId(),
                    p.string("GroupName"), p.string("Marker"), maxItems(p));
            ObjectNode out = Wire.object();
            ArrayNode list = out.putObject("Users").putArray("User");
            for (Joined<RamUserRecord> j : page.items()) {
                ObjectNode o = list.addObject().put("UserName", j.entity().userName());
                opt(o, "DisplayName", j.entity().displayName());
                o.put("JoinDate", Wire.time(j.joinedAt()));
            }
            return paged(out, page);
        });
    }

    private static void policies(ActionRegistry r, RamDomain ram) {
        add(r, "CreatePolicy", (ctx, p, tx) -> {
            PolicyView v = ram.policies().create(tx, ctx.accountId(), ctx.now(), p.string("PolicyName"),
                    p.string("PolicyDocument"), p.string("Description"), tags(p.json("Tag")));
            ObjectNode out = Wire.object();
            ObjectNode o = out.putObject("Policy").put("PolicyName", v.name()).put("PolicyType", v.type());
            opt(o, "Description", v.description());
            o.put("DefaultVersion", v.defaultVersion()).put("CreateDate", Wire.time(v.createdAt()));
            return out;
        });
        add(r, "GetPolicy", (ctx, p, tx) -> {
            var d = ram.policies().get(tx, ctx.accountId(), p.string("PolicyName"), p.string("PolicyType"));
            ObjectNode out = Wire.object();
            ObjectNode o = policy(out.putObject("Policy"), d.policy());
            o.put("AttachmentCount", d.policy().attachmentCount()).put("UpdateDate", Wire.time(d.policy().updatedAt()));
            version(out.putObject("DefaultPolicyVersion"), d.defaultVersion());
            return out;
        });
        add(r, "ListPolicies", (ctx, p, tx) -> {
            Page<PolicyView> page = ram.policies().list(tx, ctx.accountId(), p.string("PolicyType"),
                    tags(p.json("Tag")), p.string("Marker"), maxItems(p));
            ObjectNode out = Wire.object();
            ArrayNode list = out.putObject("Policies").putArray("Policy");
            for (PolicyView v : page.items()) {
                ObjectNode o = policy(list.addObject(), v);
                o.put("AttachmentCount", v.attachmentCount()).put("UpdateDate", Wire.time(v.updatedAt()));
                ArrayNode tags = o.putObject("Tags").putArray("Tag");
                v.tags().forEach(t -> tags.addObject().put("TagKey", t.key()).put("TagValue", t.value()));
            }
            return paged(out, page);
        });
        add(r, "DeletePolicy", (ctx, p, tx) -> {
            ram.policies().delete(tx, ctx.accountId(), p.string("PolicyName"),
                    Boolean.TRUE.equals(p.bool("CascadingDelete")));
            return Wire.object();
        });
        add(r, "CreatePolicyVersion", (ctx, p, tx) -> {
            VersionView v = ram.policies().createVersion(tx, ctx.accountId(), ctx.now(), p.string("PolicyName"),
                    p.string("PolicyDocument"), Boolean.TRUE.equals(p.bool("SetAsDefault")),
                    "DeleteOldestNonDefaultVersionWhenLimitExceeded".equals(p.string("RotateStrategy")));
            ObjectNode out = Wire.object();
            version(out.putObject("PolicyVersion"), v);
            return out;
        });
        add(r, "GetPolicyVersion", (ctx, p, tx) -> {
            ObjectNode out = Wire.object();
            version(out.putObject("PolicyVersion"), ram.policies().getVersion(tx, ctx.accountId(),
                    p.string("PolicyName"), p.string("PolicyType"), p.string("VersionId")));
            return out;
        });
        add(r, "ListPolicyVersions", (ctx, p, tx) -> {
            ObjectNode out = Wire.object();
            ArrayNode list = out.putObject("PolicyVersions").putArray("PolicyVersion");
            ram.policies().listVersions(tx, ctx.accountId(), p.string("PolicyName"), p.string("PolicyType"))
                    .forEach(v -> version(list.addObject(), v));
            return out;
        });
        add(r, "SetDefaultPolicyVersion", (ctx, p, tx) -> {
            ram.policies().setDefault(tx, ctx.accountId(), ctx.now(), p.string("PolicyName"), p.string("VersionId"));
            return Wire.object();
        });
        add(r, "DeletePolicyVersion", (ctx, p, tx) -> {
            ram.policies().deleteVersion(tx, ctx.accountId(), p.string("PolicyName"), p.string("VersionId"));
            return Wire.object();
        });
    }

    private static void attachments(ActionRegistry r, RamAttachments a) {
        add(r, "AttachPolicyToUser", (ctx, p, tx) -> {
            a.attachToUser(tx, ctx.accountId(), ctx.now(), p.string("UserName"), p.string("PolicyType"),
                    p.string("PolicyName"));
            return Wire.object();
        });
        add(r, "DetachPolicyFromUser", (ctx, p, tx) -> {
            a.detachFromUser(tx, ctx.accountId(), p.string("UserName"), p.string("PolicyType"), p.string("PolicyName"));
            return Wire.object();
        });
        add(r, "AttachPolicyToGroup", (ctx, p, tx) -> {
            a.attachToGroup(tx, ctx.accountId(), ctx.now(), p.string("GroupName"), p.string("PolicyType"),
                    p.string("PolicyName"));
            return Wire.object();
        });
        add(r, "DetachPolicyFromGroup", (ctx, p, tx) -> {
            a.detachFromGroup(tx, ctx.accountId(), p.string("GroupName"), p.string("PolicyType"),
                    p.string("PolicyName"));
            return Wire.object();
        });
        add(r, "ListPoliciesForUser", (ctx, p, tx) -> attachedPolicies(a.policiesForUser(tx, ctx.accountId(),
                p.string("UserName"))));
        add(r, "ListPoliciesForGroup", (ctx, p, tx) -> attachedPolicies(a.policiesForGroup(tx, ctx.accountId(),
                p.string("GroupName"))));
        add(r, "ListEntitiesForPolicy", (ctx, p, tx) -> {
            RamAttachments.Entities e = a.entitiesForPolicy(tx, ctx.accountId(), p.string("PolicyType"),
                    p.string("PolicyName"));
            ObjectNode out = Wire.object();
            ArrayNode users = out.putObject("Users").putArray("User");
            for (RamAttachments.AttachedUser u : e.users()) {
                ObjectNode o = users.addObject().put("UserId", u.user().userId()).put("UserName", u.user().userName());
                opt(o, "DisplayName", u.user().displayName());
                o.put("AttachDate", Wire.time(u.attachedAt()));
            }
            ArrayNode groups = out.putObject("Groups").putArray("Group");
            for (RamAttachments.AttachedGroup g : e.groups()) {
                ObjectNode o = groups.addObject().put("GroupName", g.group().groupName());
                opt(o, "Comments", g.group().comments());
                o.put("AttachDate", Wire.time(g.attachedAt()));
            }
            out.putObject("Roles").putArray("Role");
            return out;
        });
    }

    private static ObjectNode attachedPolicies(List<RamAttachments.AttachedPolicy> attached) {
        ObjectNode out = Wire.object();
        ArrayNode list = out.putObject("Policies").putArray("Policy");
        for (RamAttachments.AttachedPolicy ap : attached) {
            policy(list.addObject(), ap.policy()).put("AttachDate", Wire.time(ap.attachedAt()));
        }
        return out;
    }

    // ---- shapes

    private static void user(ObjectNode o, RamUserRecord u, boolean contact, boolean updated) {
        o.put("UserId", u.userId()).put("UserName", u.userName());
        opt(o, "DisplayName", u.displayName());
        if (contact) {
            opt(o, "MobilePhone", u.mobilePhone());
            opt(o, "Email", u.email());
        }
        opt(o, "Comments", u.comments());
        o.put("CreateDate", Wire.time(u.createdAt()));
        if (updated) {
            o.put("UpdateDate", Wire.time(u.updatedAt()));
        }
    }

    private static void group(ObjectNode o, RamGroupRecord g, boolean updated) {
        o.put("GroupId", g.groupId()).put("GroupName", g.groupName());
        opt(o, "Comments", g.comments());
        o.put("CreateDate", Wire.time(g.createdAt()));
        if (updated) {
            o.put("UpdateDate", Wire.time(g.updatedAt()));
        }
    }

    private static ObjectNode policy(ObjectNode o, PolicyView v) {
        o.put("PolicyName", v.name()).put("PolicyType", v.type());
        opt(o, "Description", v.description());
        return o.put("DefaultVersion", v.defaultVersion()).put("CreateDate", Wire.time(v.createdAt()));
    }

    private static void version(ObjectNode o, VersionView v) {
        o.put("VersionId", v.versionId()).put("IsDefaultVersion", v.isDefault()).put("PolicyDocument", v.document())
                .put("CreateDate", Wire.time(v.createdAt()));
    }

    private static ObjectNode paged(ObjectNode out, Page<?> page) {
        out.put("IsTruncated", page.truncated());
        if (page.truncated()) {
            out.put("Marker", page.marker());
        }
        return out;
    }

    private static void opt(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    // ---- parameters

    private static int maxItems(ValidatedParams p) {
        Long n = p.integer("MaxItems");
        return n == null ? 100 : n.intValue();
    }

    /** AccessKey actions without UserName are about the calling RAM user. */
    private static String target(CallContext ctx, ValidatedParams p) {
        return RamAccessKeys.targetUser(p.string("UserName"), ctx.principal().isRoot() ? null
                : ctx.principal().userName());
    }

    /** The JSON {@code Tag} parameter: {@code [{"Key":"k","Value":"v"}, ...]}. */
    private static List<PolicyView.Tag> tags(JsonNode json) {
        List<PolicyView.Tag> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        if (!json.isArray()) {
            throw RamErrors.invalidParameter("Tag", "it must be a JSON array of {\"Key\":…,\"Value\":…} objects.");
        }
        for (JsonNode t : json) {
            String key = t.path("Key").asText("");
            String value = t.path("Value").isMissingNode() || t.path("Value").isNull() ? "" : t.path("Value").asText();
            if (!t.isObject() || key.isEmpty() || key.length() > 128 || value.length() > 128) {
                throw RamErrors.invalidParameter("Tag",
                        "each tag needs a Key of 1 to 128 characters and a Value of at most 128.");
            }
            out.add(new PolicyView.Tag(key, value));
        }
        return out;
    }

    // ---- plumbing

    private static void add(ActionRegistry r, String action, ActionHandler handler) {
        r.add(PRODUCT, action, handler);
    }

}
