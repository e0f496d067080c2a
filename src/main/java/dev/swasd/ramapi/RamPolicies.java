package dev.swasd.ramapi;

import dev.swasd.store.RamAttachmentRecord;
import dev.swasd.store.RamAttachmentRepository;
import dev.swasd.store.RamPolicyRecord;
import dev.swasd.store.RamPolicyVersionRecord;
import dev.swasd.store.TagRecord;
import dev.swasd.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Policies and their versions (ram-api.md 2.4). System policies are the server's, read-only, with
 * one version {@code v1}; custom policies belong to the account, have 1 to 5 versions of which
 * exactly one is the default (the one evaluated), and version numbers only grow. Every change
 * bumps the account's RAM epoch.
 */
public final class RamPolicies {
    public static final String SYSTEM = RamAttachmentRecord.SYSTEM;
    public static final String CUSTOM = RamAttachmentRecord.CUSTOM;
    /** When swasd's system policies count as created and last changed: 2020-06-01T00:00:00Z. */
    public static final long SYSTEM_POLICY_DATE = 1590969600000L;
    /** {@code tags.resource_type} of custom policies. */
    static final String TAG_TYPE = "ram-policy";

    static final int MAX_TAGS = 20;

    /** A policy with the document of its default version (GetPolicy). */
    public record PolicyDetail(PolicyView policy, VersionView defaultVersion) {}

    private final RamStore store;
    private final RamLimits limits;
    private final SystemPolicyDirectory system;

    public RamPolicies(RamStore store, RamLimits limits, SystemPolicyDirectory system) {
        this.store = store;
        this.limits = limits;
        this.system = system;
    }

    /** The document has been checked by {@link RamParameterRules}. */
    public PolicyView create(
            Tx tx,
            String accountId,
            long now,
            String name,
            String document,
            String description,
            List<PolicyView.Tag> tags) {
        if (tags.size() > MAX_TAGS) {
            throw RamErrors.invalidParameter("Tag", "at most " + MAX_TAGS + " tags are allowed.");
        }
        if (store.policies().findByName(tx, accountId, name).isPresent()) {
            throw RamErrors.policyExists();
        }
        if (store.policies().count(tx, accountId) >= limits.customPolicies()) {
            throw RamErrors.limitPolicies();
        }
        RamPolicyRecord p = new RamPolicyRecord(RamIds.policyId(), accountId, name, description, 1, 2, now, now);
        store.policies().insert(tx, p);
        store.policies().insertVersion(tx, new RamPolicyVersionRecord(p.policyId(), 1, document, now));
        for (PolicyView.Tag t : tags) {
            store.tags().put(tx, new TagRecord(accountId, TAG_TYPE, p.policyId(), t.key(), t.value()));
        }
        store.epochs().bump(tx, accountId);
        return custom(p, 0, tags);
    }

    public PolicyDetail get(Tx tx, String accountId, String name, String type) {
        if (type.equals(SYSTEM)) {
            var s = system.find(name).orElseThrow(RamErrors::policyNotExist);
            long count = store.attachments()
                    .ofPolicy(tx, accountId, SYSTEM, s.name())
                    .size();
            return new PolicyDetail(system(s, count), new VersionView("v1", true, s.document(), SYSTEM_POLICY_DATE));
        }
        RamPolicyRecord p = requireCustom(tx, accountId, name);
        long count = store.attachments()
                .ofPolicy(tx, accountId, CUSTOM, p.policyName())
                .size();
        RamPolicyVersionRecord v = store.policies().versions(tx, p.policyId()).stream()
                .filter(x -> x.versionNumber() == p.defaultVersion())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("policy " + p.policyId() + " has no default version"));
        return new PolicyDetail(custom(p, count, tags(tx, p)), version(p, v));
    }

    /**
     * System policies first (by name), then custom ones in creation order; {@code type} null for
     * both. A tag filter keeps the custom policies carrying every given tag (any value when a
     * filter's value is empty).
     */
    public Page<PolicyView> list(
            Tx tx, String accountId, String type, List<PolicyView.Tag> tagFilter, String marker, int maxItems) {
        Map<String, Long> counts = store.attachments().countsByPolicy(tx, accountId);
        List<Keyed> all = new ArrayList<>();
        if ((type == null || type.equals(SYSTEM)) && tagFilter.isEmpty()) {
            for (var s : system.all()) {
                all.add(new Keyed(
                        system(s, counts.getOrDefault(RamAttachmentRepository.countKey(SYSTEM, s.name()), 0L)),
                        "0/" + s.name()));
            }
        }
        if (type == null || type.equals(CUSTOM)) {
            for (RamPolicyRecord p : store.policies().list(tx, accountId)) {
                List<PolicyView.Tag> tags = tags(tx, p);
                if (tagFilter.stream().allMatch(f -> carries(tags, f))) {
                    all.add(new Keyed(
                            custom(
                                    p,
                                    counts.getOrDefault(RamAttachmentRepository.countKey(CUSTOM, p.policyName()), 0L),
                                    tags),
                            "1/" + Page.timeKey(p.createdAt(), p.policyId())));
                }
            }
        }
        Page<Keyed> page = Page.of(all, Keyed::key, marker, maxItems);
        return new Page<>(page.items().stream().map(Keyed::view).toList(), page.truncated(), page.marker());
    }

    /** A policy with its position in ListPolicies: system ones ({@code 0/}) before custom ones ({@code 1/}). */
    private record Keyed(PolicyView view, String key) {}

    private static boolean carries(List<PolicyView.Tag> tags, PolicyView.Tag filter) {
        return tags.stream()
                .anyMatch(t -> t.key().equals(filter.key())
                        && (filter.value() == null
                                || filter.value().isEmpty()
                                || filter.value().equals(t.value())));
    }

    /**
     * Only a policy attached to nothing can go (users checked before groups); its non-default
     * versions too, unless {@code cascading} removes them with it.
     */
    public void delete(Tx tx, String accountId, String name, boolean cascading) {
        RamPolicyRecord p = requireCustom(tx, accountId, name);
        List<RamAttachmentRecord> attached = store.attachments().ofPolicy(tx, accountId, CUSTOM, p.policyName());
        if (attached.stream().anyMatch(a -> a.principalType().equals(RamAttachmentRecord.USER))) {
            throw RamErrors.deleteConflictPolicyUser();
        }
        if (!attached.isEmpty()) {
            throw RamErrors.deleteConflictPolicyGroup();
        }
        if (!cascading && store.policies().versions(tx, p.policyId()).size() > 1) {
            throw RamErrors.deleteConflictPolicyVersion();
        }
        store.tags().removeAll(tx, TAG_TYPE, p.policyId());
        store.policies().delete(tx, p.policyId());
        store.epochs().bump(tx, accountId);
    }

    /**
     * A sixth version is {@code LimitExceeded.Policy.Version}, unless {@code rotate} deletes the
     * oldest non-default version to make room.
     */
    public VersionView createVersion(
            Tx tx, String accountId, long now, String name, String document, boolean setAsDefault, boolean rotate) {
        RamPolicyRecord p = requireCustom(tx, accountId, name);
        List<RamPolicyVersionRecord> versions = store.policies().versions(tx, p.policyId());
        if (versions.size() >= limits.versionsPerPolicy()) {
            if (!rotate) {
                throw RamErrors.limitPolicyVersions();
            }
            RamPolicyVersionRecord oldest = versions.stream()
                    .filter(v -> v.versionNumber() != p.defaultVersion())
                    .findFirst()
                    .orElseThrow(RamErrors::limitPolicyVersions);
            store.policies().deleteVersion(tx, p.policyId(), oldest.versionNumber());
        }
        int number = p.nextVersion();
        RamPolicyVersionRecord v = new RamPolicyVersionRecord(p.policyId(), number, document, now);
        store.policies().insertVersion(tx, v);
        RamPolicyRecord updated = new RamPolicyRecord(
                p.policyId(),
                accountId,
                p.policyName(),
                p.description(),
                setAsDefault ? number : p.defaultVersion(),
                number + 1,
                p.createdAt(),
                now);
        store.policies().updateVersions(tx, updated);
        store.epochs().bump(tx, accountId);
        return version(updated, v);
    }

    public VersionView getVersion(Tx tx, String accountId, String name, String type, String versionId) {
        int number = RamParameterRules.versionNumber(versionId);
        return listVersions(tx, accountId, name, type).stream()
                .filter(v -> RamParameterRules.versionNumber(v.versionId()) == number)
                .findFirst()
                .orElseThrow(RamErrors::policyVersionNotExist);
    }

    public List<VersionView> listVersions(Tx tx, String accountId, String name, String type) {
        if (type.equals(SYSTEM)) {
            var s = system.find(name).orElseThrow(RamErrors::policyNotExist);
            return List.of(new VersionView("v1", true, s.document(), SYSTEM_POLICY_DATE));
        }
        RamPolicyRecord p = requireCustom(tx, accountId, name);
        return store.policies().versions(tx, p.policyId()).stream()
                .map(v -> version(p, v))
                .toList();
    }

    /** Takes effect for every user the policy reaches, within the authorization cache's bound. */
    public void setDefault(Tx tx, String accountId, long now, String name, String versionId) {
        int number = RamParameterRules.versionNumber(versionId);
        RamPolicyRecord p = requireCustom(tx, accountId, name);
        if (store.policies().versions(tx, p.policyId()).stream().noneMatch(v -> v.versionNumber() == number)) {
            throw RamErrors.policyVersionNotExist();
        }
        store.policies()
                .updateVersions(
                        tx,
                        new RamPolicyRecord(
                                p.policyId(),
                                accountId,
                                p.policyName(),
                                p.description(),
                                number,
                                p.nextVersion(),
                                p.createdAt(),
                                now));
        store.epochs().bump(tx, accountId);
    }

    public void deleteVersion(Tx tx, String accountId, String name, String versionId) {
        int number = RamParameterRules.versionNumber(versionId);
        RamPolicyRecord p = requireCustom(tx, accountId, name);
        if (store.policies().versions(tx, p.policyId()).stream().noneMatch(v -> v.versionNumber() == number)) {
            throw RamErrors.policyVersionNotExist();
        }
        if (number == p.defaultVersion()) {
            throw RamErrors.deleteConflictDefaultVersion();
        }
        store.policies().deleteVersion(tx, p.policyId(), number);
        store.epochs().bump(tx, accountId);
    }

    /**
     * The policy named by a request, with its exact name: system names match exactly, custom
     * names without regard to case. {@code EntityNotExist.Policy} when there is none of that type.
     */
    PolicyView resolve(Tx tx, String accountId, String type, String name) {
        if (type.equals(SYSTEM)) {
            return system(system.find(name).orElseThrow(RamErrors::policyNotExist), 0);
        }
        return custom(requireCustom(tx, accountId, name), 0, List.of());
    }

    private RamPolicyRecord requireCustom(Tx tx, String accountId, String name) {
        return store.policies().findByName(tx, accountId, name).orElseThrow(RamErrors::policyNotExist);
    }

    private List<PolicyView.Tag> tags(Tx tx, RamPolicyRecord p) {
        return store.tags().tagsOf(tx, TAG_TYPE, p.policyId()).stream()
                .map(t -> new PolicyView.Tag(t.key(), t.value()))
                .toList();
    }

    private static PolicyView system(SystemPolicyDirectory.SystemPolicyInfo s, long attachments) {
        return new PolicyView(
                s.name(),
                SYSTEM,
                s.description(),
                "v1",
                SYSTEM_POLICY_DATE,
                SYSTEM_POLICY_DATE,
                attachments,
                List.of());
    }

    private static PolicyView custom(RamPolicyRecord p, long attachments, List<PolicyView.Tag> tags) {
        return new PolicyView(
                p.policyName(),
                CUSTOM,
                p.description(),
                "v" + p.defaultVersion(),
                p.createdAt(),
                p.updatedAt(),
                attachments,
                tags);
    }

    private static VersionView version(RamPolicyRecord p, RamPolicyVersionRecord v) {
        return new VersionView(
                "v" + v.versionNumber(), v.versionNumber() == p.defaultVersion(), v.document(), v.createdAt());
    }
}
